"""A self-contained HTML report of an evaluation: tables plus matplotlib PNG plots embedded as base64,
so the single file opens anywhere (no JS, no side files)."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # headless: never needs a display
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.92em; }
.wide { overflow-x: auto; max-width: 100%; }  /* a table wider than the page scrolls in its own box */
th, td { border: 1px solid #ccc; padding: 0.3em 0.7em; text-align: right; }
th { background: #f3f3f3; } td:first-child, th:first-child, .prose td, .prose th { text-align: left; }
img { max-width: 100%; display: block; margin: 0.5em 0; }
.note { color: #666; font-size: 0.9em; }
"""


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def html_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], first: str = "", prose: bool = False) -> str:
    """`prose`: cells of sentences, aligned left (numbers otherwise align right, digits under digits)."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ([first] if first else []) + list(columns))
    body = []
    for row in rows:
        cells = ([row.get("_name", "")] if first else []) + [row.get(c) for c in columns]
        body.append("<tr>" + "".join(f"<td>{html.escape(fmt(v))}</td>" for v in cells) + "</tr>")
    table = '<table class="prose">' if prose else "<table>"
    return f"<div class=\"wide\">{table}<tr>{head}</tr>{''.join(body)}</table></div>"


def _metric_columns(groups: Sequence[dict[str, Any]]) -> list[str]:
    keys: list[str] = []
    for g in groups:
        keys += [k for k in g if k not in keys]
    return keys


def _group_table(groups: dict[str, dict[str, Any]], label: str) -> str:
    rows = [{"_name": name, **metrics} for name, metrics in groups.items()]
    return html_table(rows, _metric_columns(list(groups.values())), first=label)


def png(fig: plt.Figure) -> str:
    buf = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return f'<img alt="plot" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}">'


def plot_pass_at_k(curves: dict[str, list[tuple[int, float]]]) -> str:
    fig, ax = plt.subplots(figsize=(7, 4))
    for name, curve in curves.items():
        if curve and (name == "all" or len(curves) > 2):  # per-domain lines only when there are several
            ks, values = zip(*curve, strict=True)
            ax.plot(ks, values, marker="o", label=name, linewidth=2.5 if name == "all" else 1.5)
    ax.set(title="pass@k (unbiased estimator)", xlabel="k (samples)", ylabel="pass@k", ylim=(0, 1.02))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    return png(fig)


def plot_bars(groups: dict[str, dict[str, Any]], title: str, xlabel: str) -> str:
    names = list(groups)
    metrics = [k for k in _metric_columns(list(groups.values())) if k.startswith(("avg@", "maj@", "best@"))]
    fig, ax = plt.subplots(figsize=(max(6, 0.9 * len(names) * max(1, len(metrics)) + 2), 4))
    width = 0.8 / max(1, len(metrics))
    for m, metric in enumerate(metrics):
        xs = [i + (m - (len(metrics) - 1) / 2) * width for i in range(len(names))]
        ax.bar(xs, [groups[n].get(metric) or 0.0 for n in names], width, label=metric)
    ax.set_xticks(range(len(names)), names, rotation=30 if len(names) > 6 else 0)
    ax.set(title=title, xlabel=xlabel, ylabel="accuracy", ylim=(0, 1.05))
    ax.grid(axis="y", alpha=0.3)
    ax.legend()
    return png(fig)


def plot_lengths(rows: Sequence[dict[str, Any]]) -> str:
    tokens = all(r.get("n_tokens") is not None for r in rows)
    lengths = [r["n_tokens"] if tokens else len(r["response"]) for r in rows]
    right = [x for x, r in zip(lengths, rows, strict=True) if r["correct"]]
    wrong = [x for x, r in zip(lengths, rows, strict=True) if not r["correct"]]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.hist([wrong, right], bins=30, stacked=True, label=["incorrect", "correct"], color=["#d9534f", "#5cb85c"])
    unit = "tokens" if tokens else "characters"
    ax.set(title=f"response length ({unit})", xlabel=f"length ({unit})", ylabel="samples")
    ax.legend()
    return png(fig)


RVK_COLUMNS = ["domains", "problems", "samples", "accuracy", "chance"]
RVK_NOTE = ("accuracy: mean correctness of all samples (Pass@1). Knowledge: multiple choice over facts; "
            "closed-book questions carry no passages, with retrieval the top-k retrieved passages precede "
            "the question. chance: mean of 1/number of options.")
FOLLOW_COLUMNS = ["problems", "samples", "all_rules", "rules"]
FOLLOW_NOTE = ("all_rules: share of samples that pass every rule of their prompt; rules: mean share of a "
               "sample's rules passed (the RL reward); per rule: share of samples given that rule that pass it.")


def rvk_rows(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The reasoning-vs-knowledge table as report rows (math, code, reasoning, knowledge closed-book, with
    retrieval, all knowledge; the ones present)."""
    return [{"_name": name, **row} for name, row in table.items()]


TTS_NOTE = ("Each method picks one of the K samples per problem; accuracy is the picked sample's verdict. "
            "pass@1: mean correctness of the K samples. Tokens: generated tokens per problem (samples the "
            "method needs, plus claim extraction and checking for clr). verifier uses the gold answer/tests: "
            "with gold it is an oracle (= pass@K).")


def tts_rows(tts: dict[str, Any]) -> list[dict[str, Any]]:
    """The test-time scaling table: one row per method (pass@1 first), accuracy and tokens per problem."""
    return [{"_name": name, "accuracy": m["accuracy"], "tokens per problem": m["tokens_per_problem"]}
            for name, m in tts["methods"].items()]


def tts_scope(tts: dict[str, Any], domain: str = "all") -> str:
    """What a TTS block chose over, e.g. "K = 8, 67 math problems": all its problems (the domain named when there
    is one, as with `tts.domains`) or those of `domain`."""
    domains = list(tts["by_domain"]) if domain == "all" else [domain]
    problems = tts["problems"] if domain == "all" else tts["by_domain"][domain]["problems"]
    return f"K = {tts['samples_used']}, {problems} {domains[0] + ' ' if len(domains) == 1 else ''}problems"


def tts_section(tts: dict[str, Any]) -> list[str]:
    parts = [f"<h2>Test-time scaling ({tts_scope(tts)})</h2>",
             html_table(tts_rows(tts), ["accuracy", "tokens per problem"], first="method"),
             f'<p class="note">{html.escape(TTS_NOTE)}</p>']
    if len(tts["by_domain"]) > 1:
        rows = [{"_name": d, **{m: v["accuracy"] for m, v in t["methods"].items()}} for d, t in tts["by_domain"].items()]
        parts.append(html_table(rows, list(tts["methods"]), first="domain (accuracy)"))
    if "claims" in tts:  # CLR diagnostics: does r_k separate correct from incorrect samples?
        parts.append(html_table([tts["claims"]], ["assessed", "reused", "mean_claims", "no_claims", "unparsed_verdicts",
                                              "all_zero_problems", "mean_reliability_correct",
                                              "mean_reliability_incorrect"]))
    return parts


def render_report(summary: dict[str, Any], rows: Sequence[dict[str, Any]]) -> str:
    """The report as one HTML string."""
    overall = summary["overall"]
    parts = [f"<h1>tinylogic evaluation ({html.escape(summary.get('source', ''))})</h1>",
             "<h2>Summary</h2>", html_table([overall], list(overall)),
             html_table([summary["counts"]], list(summary["counts"])),
             '<p class="note">pass@k: unbiased estimator 1 − C(n−c,k)/C(n,k) averaged over problems; avg@n: mean '
             "correctness of all samples; maj@n: majority-voted answer is correct (ties: earliest answer); "
             "best@n: any sample verified correct (= pass@n with gold tests).</p>"]
    if summary.get("tts"):
        parts += tts_section(summary["tts"])
    if summary.get("reasoning_vs_knowledge"):
        parts += ["<h2>Reasoning vs knowledge</h2>",
                  html_table(rvk_rows(summary["reasoning_vs_knowledge"]), RVK_COLUMNS, first="problems asked"),
                  f'<p class="note">{html.escape(RVK_NOTE)}</p>']
    if summary.get("instruction_following"):
        follow = summary["instruction_following"]
        parts += ["<h2>Instruction following</h2>",
                  html_table([{"_name": "instruct", **follow}], FOLLOW_COLUMNS, first="domain"),
                  html_table([{"_name": rule, "pass rate": rate} for rule, rate in follow["by_rule"].items()],
                         ["pass rate"], first="rule"),
                  f'<p class="note">{html.escape(FOLLOW_NOTE)}</p>']
    parts += ["<h2>pass@k curve</h2>", plot_pass_at_k(summary["pass_at_k_curve"])]
    parts += ["<h2>By domain</h2>", _group_table(summary["by_domain"], "domain"),
              plot_bars(summary["by_domain"], "accuracy by domain", "domain")]
    if summary["by_subdomain"]:
        parts += ["<h2>By subdomain</h2>", _group_table(summary["by_subdomain"], "subdomain")]
    if summary["by_difficulty"]:
        parts += ["<h2>By difficulty</h2>", _group_table(summary["by_difficulty"], "difficulty"),
                  plot_bars(summary["by_difficulty"], "accuracy by difficulty", "difficulty")]
    parts += ["<h2>Response lengths</h2>", plot_lengths(rows)]
    settings = summary.get("settings") or {}
    if settings:
        parts += ["<h2>Settings</h2>", html_table([{"_name": k, "value": v} for k, v in settings.items()],
                                              ["value"], first="setting")]
    if "wall_seconds" in summary:
        parts.append(f'<p class="note">wall time {summary["wall_seconds"]:.1f} s</p>')
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>tinylogic evaluation</title>"
            f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>\n")


def write_report(path: str | Path, summary: dict[str, Any], rows: Sequence[dict[str, Any]]) -> Path:
    path = Path(path)
    path.write_text(render_report(summary, rows), encoding="utf-8")
    return path


def print_summary(summary: dict[str, Any], console) -> None:
    """The summary's headline numbers as terminal tables (overall, then per domain and subdomain)."""
    from rich.table import Table

    for title, groups in (("overall", {"all": summary["overall"]}), ("by domain", summary["by_domain"]),
                          ("by subdomain", summary["by_subdomain"])):
        if not groups:
            continue
        columns = [c for c in _metric_columns(list(groups.values())) if c not in ("problems", "samples")]
        table = Table(title=title)
        table.add_column("")
        table.add_column("problems", justify="right")
        for column in columns:
            table.add_column(column, justify="right")
        for name, row in groups.items():
            table.add_row(name, str(row.get("problems", "")), *(fmt(row.get(c)) for c in columns))
        console.print(table)
    if summary.get("tts"):
        tts = summary["tts"]
        table = Table(title=f"test-time scaling ({tts_scope(tts)})")
        for column, justify in (("method", "left"), ("accuracy", "right"), ("tokens per problem", "right")):
            table.add_column(column, justify=justify)
        for row in tts_rows(tts):
            table.add_row(row["_name"], fmt(row["accuracy"]), fmt(row["tokens per problem"]))
        console.print(table)
    if summary.get("reasoning_vs_knowledge"):
        table = Table(title="reasoning vs knowledge (accuracy = Pass@1)")
        table.add_column("")
        for column in RVK_COLUMNS:
            table.add_column(column, justify="right")
        for row in rvk_rows(summary["reasoning_vs_knowledge"]):
            table.add_row(row["_name"], *(fmt(row.get(c)) for c in RVK_COLUMNS))
        console.print(table)
    if summary.get("instruction_following"):
        follow = summary["instruction_following"]
        console.print(f"instruction following: {follow['samples']} samples of {follow['problems']} problems, "
                      f"all rules passed {follow['all_rules']:.3f}, rules passed {follow['rules']:.3f}; per rule: "
                      + ", ".join(f"{r} {v:.2f}" for r, v in follow["by_rule"].items()))
    counts = summary["counts"]
    console.print(", ".join(f"{k} {v}" for k, v in counts.items()))
