"""The run's HTML report (`<run>/report.html`), from what the stages recorded: held-out Pass@1 / Pass@K per
stage and domain, the headline comparisons, training curves, the probe tables, test-time scaling and wall
time per stage. One self-contained file (plots are embedded PNGs, as in eval/report.py)."""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tinylogic.config import Goal
from tinylogic.eval.metrics import mean_and_se, paired_change, pass_at_k, per_problem_pass1
from tinylogic.eval.report import (
    FOLLOW_COLUMNS,
    FOLLOW_NOTE,
    RVK_NOTE,
    STYLE,
    fmt,
    html_table,
    plt,
    png,
    tts_scope,
    tts_section,
)
from tinylogic.run_stages import EVAL_ALIASES, STAGES, Stage, read_state


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue  # a torn last line of an interrupted run
    return rows


def collect(run_dir: Path, stages: list[Stage] = STAGES) -> dict[str, Any]:
    """Every stage's declaration and state, and the eval summaries, probe results and metrics files the
    states point to (the runner passes the stages it ran)."""
    found = {}
    for stage in stages:
        folder = run_dir / stage.folder
        found[stage.name] = {"dir": folder, "state": read_state(folder) or {}, "stage": stage}
    evals = {}
    for entry in found.values():  # the evaluation stage records its summaries
        outputs = entry["state"].get("outputs") or {}
        for label, path in (outputs.get("summaries") or {}).items():
            if Path(path).exists():
                evals[label] = json.loads(Path(path).read_text())
        # TTS run apart from a model's own row (tts.domains): its block joins that model's summary
        for label, path in (outputs.get("tts_summaries") or {}).items():
            if label in evals and Path(path).exists():
                evals[label]["tts"] = json.loads(Path(path).read_text()).get("tts")
    return {"run_dir": run_dir, "stages": found, "evals": evals}


def _final_tts(evals: dict[str, dict[str, Any]]) -> tuple[str, dict[str, Any]] | None:
    """(label, TTS block) of the evaluated model that ran test-time scaling (the last one), or None."""
    return next(((label, e["tts"]) for label, e in reversed(list(evals.items())) if e.get("tts")), None)


def headline(evals: dict[str, dict[str, Any]], stages: list[Stage] = STAGES) -> dict[str, Any]:
    """The numbers the recipe is about: Pass@K after the Spectrum phase, Pass@1 after SFT vs after RL, and
    the selection methods (CLR, majority, single) on the final model. An evaluated model's label starts with
    its stage's name (`rl/01-math`); the stages' `phase` says which number it stands for."""
    def metric(label: str | None, name: str) -> float | None:
        return evals[label]["overall"].get(name) if label in evals else None

    def phase(name: str) -> list[str]:  # evaluated labels of that phase's stages, in stage order
        names = [s.name for s in stages if s.phase == name]
        return sorted((label for label in evals if label.split("/")[0] in names),
                      key=lambda label: names.index(label.split("/")[0]))

    spectrum_models = phase("spectrum")
    spectrum = spectrum_models[-1] if spectrum_models else None
    sft = spectrum_models[0] if spectrum_models else None
    rl = phase("rl")
    top_k = max((int(k.split("@")[1]) for e in evals.values() for k in e["overall"] if k.startswith("pass@")),
                default=1)
    out = {"k": top_k, "spectrum_model": spectrum, f"pass@{top_k}_after_spectrum": metric(spectrum, f"pass@{top_k}"),
           "sft_model": sft, "pass@1_after_sft": metric(sft, "pass@1"),
           "rl_model": rl[-1] if rl else None, "pass@1_after_rl": metric(rl[-1] if rl else None, "pass@1")}
    if sft and rl:  # where a change comes from: one domain can rise while another falls
        before, after = evals[sft]["by_domain"], evals[rl[-1]]["by_domain"]
        out["pass@1_by_domain"] = {d: {"sft": before[d].get("pass@1"), "rl": after[d].get("pass@1")}
                                   for d in before if d in after}
    if found := _final_tts(evals):
        out["tts"] = {m: v["accuracy"] for m, v in found[1]["methods"].items()}
        out["tts_scope"] = tts_scope(found[1])
    return out


def _stage_rows(evals: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    rows, columns = [], []
    for label, summary in evals.items():
        row = {"_name": label}
        for name, value in summary["overall"].items():
            if name.startswith("pass@"):
                row[f"all {name}"] = value
        for domain, metrics in summary["by_domain"].items():
            for name, value in metrics.items():
                if name.startswith("pass@"):
                    row[f"{domain} {name}"] = value
        columns += [c for c in row if c != "_name" and c not in columns]
        rows.append(row)
    return rows, columns


def _knowledge_rows(evals: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Per model: Pass@1 of each reasoning domain next to knowledge accuracy closed-book and with retrieval
    (the eval summary's reasoning-vs-knowledge table), with the knowledge questions' chance level."""
    rows, columns = [], []
    for label, summary in evals.items():
        table = summary.get("reasoning_vs_knowledge") or {}
        row = {"_name": label, **{name: group["accuracy"] for name, group in table.items() if name != "reasoning"}}
        chance = (table.get("knowledge") or {}).get("chance")
        if chance is not None:
            row["knowledge chance"] = chance
        if len(row) > 1:
            columns += [c for c in row if c != "_name" and c not in columns]
            rows.append(row)
    return rows, columns


def _cut_z(z: float) -> float:
    """z cut (not rounded) to one decimal, so 2.97 reads 2.9 and is no effect; the 1e-9 lets a z of exactly 3
    that floating point computed as 2.9999999999999996 count as 3."""
    return math.trunc(z * 10 + math.copysign(1e-9, z)) / 10 if math.isfinite(z) else z


def _change_text(change: dict[str, Any], tail: str = "", mark_no_effect: bool = False) -> tuple[str, float]:
    """A paired change as "+0.030 ± 0.010 (+3.0 SE<tail>)" and its z cut to one decimal; with `mark_no_effect`,
    |z| < 3 reads ", no effect" after the z."""
    z = _cut_z(change["z"])
    mark = ", no effect" if mark_no_effect and abs(z) < 3 else ""
    return f"{change['change']:+.3f} ± {change['se']:.3f} ({z:+.1f} SE{mark}{tail})", z


def _effect_rows(evals: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Each evaluated model against the one before it: Pass@1's change paired over the same test problems,
    overall and per domain, as "change ± SE (z)"; |z| < 3 is marked "no effect" (a stage's effect must stand
    out from the sampling noise of n samples on these problems)."""
    labels = [label for label, e in evals.items() if e.get("per_problem")]
    domains = sorted({s["domain"] for label in labels for s in evals[label]["per_problem"]})
    rows = []
    for before, after in zip(labels, labels[1:], strict=False):
        row = {"_name": f"{before} → {after}"}
        for domain in [None, *domains]:
            change = paired_change(per_problem_pass1(evals[before]["per_problem"], domain),
                                   per_problem_pass1(evals[after]["per_problem"], domain))
            if change is not None and change["se"] is not None:
                row[domain or "all"] = _change_text(change, mark_no_effect=True)[0]
        rows.append(row)
    return rows, ["all", *domains]


def _eval_label(name: str, evals: dict[str, dict[str, Any]]) -> str | None:
    """The eval label of a model named as in eval.models: itself, or (rl, rl_last) the last phase's `rl/...`."""
    if name in evals:
        return name
    stage = EVAL_ALIASES.get(name, name)
    return next((label for label in reversed(list(evals)) if label.split("/")[0] == stage), None)


def _tts_scores(per_problem: list[dict[str, Any]], method: str) -> dict[str, float]:
    """Problem id -> the method's pick scored 0/1, or pass@1 (the fraction of the K samples correct)."""
    return {p["id"]: p["pass@1"] if method == "pass@1" else float(p["correct"][method]) for p in per_problem}


def _goal_rows(goals: Sequence[Goal], evals: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Each goal of the recipe checked on the evaluated models: the measured figure (± one standard error),
    the goal, met or missed (or not measured: a model or the TTS block is missing), and why when missed."""
    def chosen(goal, name: str) -> list[dict[str, Any]] | None:
        label = _eval_label(name, evals)
        if label is None:
            return None
        return [s for s in evals[label].get("per_problem") or [] if goal.domain in ("all", s["domain"])
                and (getattr(goal, "passages", None) is None or bool(s.get("passages")) == goal.passages)]

    rows = []
    for goal in goals:
        measured, target, met = "", "", None
        if goal.kind == "level":
            stats = chosen(goal, goal.model)
            other = chosen(goal, goal.at_least) if isinstance(goal.at_least, str) else None
            if stats and (other or not isinstance(goal.at_least, str)):
                value, se = mean_and_se([pass_at_k(s["n"], s["c"], goal.k) for s in stats])
                bar = mean_and_se([pass_at_k(s["n"], s["c"], goal.k) for s in other])[0] if other else goal.at_least
                measured = f"{goal.model} {goal.metric} {value:.3f} ± {se or 0:.3f} ({len(stats)} problems)"
                target = f"≥ {bar:.3f}" + (f" ({goal.at_least}'s)" if other else "")
                met = value >= bar
        elif goal.kind == "change":
            before, after = chosen(goal, goal.before), chosen(goal, goal.after)
            change = paired_change(per_problem_pass1(before), per_problem_pass1(after)) if before and after else None
            if change is not None and change["se"] is not None:
                text, z = _change_text(change, f", {change['problems']} problems")
                measured = f"{goal.before} → {goal.after}: {text}"
                target = f"≥ {goal.at_least_se:+g} SE"
                met = z >= goal.at_least_se
        else:
            tts = (_final_tts(evals) or ("", {}))[1]
            block = tts if goal.domain == "all" else tts.get("by_domain", {}).get(goal.domain, {})
            methods = block.get("methods", {})
            if goal.method in methods and goal.above in methods:
                mine, theirs = methods[goal.method]["accuracy"], methods[goal.above]["accuracy"]
                measured = f"{tts_scope(tts, goal.domain)}: {goal.method} {mine:.3f}, {goal.above} {theirs:.3f}"
                target, met = f"> {goal.above}", mine > theirs
                if goal.at_least_se is not None:  # paired over the problems: method's 0/1 against the other's
                    picked = [p for p in tts.get("per_problem", []) if goal.domain in ("all", p["domain"])]
                    change = paired_change(_tts_scores(picked, goal.above), _tts_scores(picked, goal.method))
                    met = None
                    if change is not None and change["se"] is not None:
                        z = _cut_z(change["z"])
                        measured += f" ({change['change']:+.3f} ± {change['se']:.3f}, {z:+.1f} SE)"
                        target, met = f"≥ {goal.at_least_se:+g} SE above {goal.above}", z >= goal.at_least_se
        rows.append({"_name": goal.claim, "measured": measured or "not measured", "target": target,
                     "status": "not measured" if met is None else "met" if met else "missed",
                     "why missed": goal.why_missed if met is False else ""})
    return rows


def _environment_rows(stages: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per distinct environment the stages recorded, naming the stages that ran in it."""
    stage_names: dict[str, list[str]] = {}  # one environment (as JSON) -> the stages that recorded it
    unrecorded = 0  # done before stages recorded their environment
    for entry in stages.values():
        found = entry["state"].get("environment")
        if found:
            stage_names.setdefault(json.dumps(found, sort_keys=True), []).append(entry["dir"].name)
        else:
            unrecorded += entry["state"].get("status") == "done"
    rows = []
    for found, names in stage_names.items():
        env = json.loads(found)
        name = "every stage that ran" if len(stage_names) == 1 and not unrecorded else ", ".join(names)
        rows.append({"_name": name, "python": env["python"], **env["packages"], "cpu": env.get("cpu", "not recorded"),
                     "cpus": env["cpus"], "platform": env["platform"]})
    return rows


def plot_stages(rows: list[dict[str, Any]], columns: list[str]) -> str:
    fig, ax = plt.subplots(figsize=(8, 4))
    names = [r["_name"] for r in rows]
    for column in [c for c in columns if c.startswith("all ")]:
        ax.plot(names, [r.get(column) or 0.0 for r in rows], marker="o", label=column[4:])
    ax.set(title="held-out pass@k per stage", ylabel="pass@k")
    ax.tick_params(axis="x", rotation=20)
    ax.grid(alpha=0.3)
    ax.legend()
    return png(fig)


def plot_curves(curves: dict[str, list[tuple[int, float]]], title: str, ylabel: str) -> str:
    fig, ax = plt.subplots(figsize=(8, 3.5))
    for name, points in curves.items():
        if points:
            ax.plot(*zip(*points, strict=True), label=name, linewidth=1.2, marker="o" if len(points) < 30 else None)
    ax.set(title=title, xlabel="step", ylabel=ylabel)
    ax.grid(alpha=0.3)
    ax.legend()
    return png(fig)


def _curves(stages: dict[str, Any]) -> tuple[dict[str, list], dict[str, list]]:
    """The training curves the stages declare (`Stage.curves`): SFT loss and RL reward per step. Within one
    stage a curve continues from the one before it (stage 1 trains on from stage 0's model)."""
    sft: dict[str, list] = {}
    rl: dict[str, list] = {}
    for entry in stages.values():
        offset = 0
        for label, pattern in entry["stage"].curves:
            for path in sorted(entry["dir"].glob(pattern)):
                rows = _jsonl(path)
                if any("reward" in r for r in rows):  # an RL run: its reward per rollout batch
                    rl[label or path.parent.name] = [(r["step"], r["reward"]) for r in rows if "reward" in r]
                    continue
                points = [(r["step"] + offset, r["loss"]) for r in rows if "loss" in r]
                sft[label or path.parent.name] = points
                offset = points[-1][0] if points else offset
    return sft, rl


def _probe_section(name: str, path: Path) -> list[str]:
    if not path.exists():
        return []
    probe = json.loads(path.read_text())
    subs = sorted({s for row in probe["table"].values() for s in row if s != "all"})
    rows = []
    for ckpt, scores in probe["table"].items():
        p = Path(ckpt)
        label = f"{p.parent.name}/{p.name}" if p.name == "final" else p.name
        rows.append({"_name": label, **{s: scores.get(s) for s in [*subs, "all"]},
                     "specialist for": ", ".join(s for s, c in probe["best"].items() if c == ckpt)})
    return [f"<h3>{html.escape(name)}: {html.escape(probe['metric'])} per subdomain "
            f"(n = {probe['n']}, {probe['problems']} probing problems)</h3>",
            html_table(rows, [*subs, "all", "specialist for"], first="checkpoint")]


def render(data: dict[str, Any], goal_rows: Sequence[dict[str, Any]] = ()) -> str:
    """The page; `goal_rows` are `_goal_rows` of the recipe's goals (none: no Goals table)."""
    stages, evals = data["stages"], data["evals"]
    parts = [f"<h1>tinylogic run: {html.escape(data['run_dir'].name)}</h1>"]
    if goal_rows:
        counts = ", ".join(f"{sum(r['status'] == status for r in goal_rows)} {status}" for status in
                           ("met", "missed", "not measured") if any(r["status"] == status for r in goal_rows))
        parts += ["<h2>Goals</h2>", html_table(goal_rows, ["measured", "target", "status", "why missed"], first="goal", prose=True),
                  f'<p class="note">The recipe\'s goals (its <code>goals</code> section), checked on this run: '
                  f"{counts}. ± one standard error over the test problems; a change is paired over the problems "
                  "both models were asked.</p>"]
    head = headline(evals, [e["stage"] for e in stages.values()]) if evals else {}
    if head:
        k = head["k"]
        lines = [f"Pass@{k} after the Spectrum phase ({head['spectrum_model']}): "
                 f"{fmt(head[f'pass@{k}_after_spectrum'])}",
                 f"Pass@1 after SFT ({head['sft_model']}): {fmt(head['pass@1_after_sft'])}; after RL "
                 f"({head['rl_model']}): {fmt(head['pass@1_after_rl'])}"]
        if head.get("pass@1_by_domain"):
            lines.append("Pass@1 per domain, after SFT → after RL: " + ", ".join(
                f"{d} {fmt(v['sft'])} → {fmt(v['rl'])}" for d, v in head["pass@1_by_domain"].items()))
        if "tts" in head:
            tts = head["tts"]
            lines.append(f"Selection on the final model ({head['tts_scope']}): "
                         + ", ".join(f"{m} {fmt(v)}" for m, v in tts.items()))
            if "clr" in tts and "majority" in tts:
                diff = tts["clr"] - tts["majority"]
                lines.append("CLR vs majority vote: " + ("tie" if abs(diff) < 1e-12 else
                                                         f"{'CLR' if diff > 0 else 'majority'} wins by {abs(diff):.3f}"))
        parts += ["<h2>Headline (held-out test set)</h2><ul>",
                  *(f"<li>{html.escape(line)}</li>" for line in lines), "</ul>"]
    if evals:
        rows, columns = _stage_rows(evals)
        first = next(iter(evals.values()))
        sampling = ", ".join(f"{key} {first['settings'][key]}" for key in ("temperature", "top_p", "seed")
                             if key in first["settings"])
        n = first["settings"]["n"]
        other_n = ", ".join(f"{label} {e['settings']['n']}" for label, e in evals.items() if e["settings"]["n"] != n)
        n = f"{n} (" + other_n + ")" if other_n else n  # eval.tts_n: the final model takes more samples
        parts += ["<h2>Held-out Pass@k per stage and domain</h2>", html_table(rows, columns, first="model"),
                  f'<p class="note">{first["overall"]["problems"]} test problems, n = {n} '
                  f"samples each ({html.escape(sampling)}), unbiased pass@k.</p>", plot_stages(rows, columns)]
        effects, e_columns = _effect_rows(evals)
        if effects:
            parts += ["<h2>Each stage's effect: Pass@1 change, paired over the test problems</h2>",
                      html_table(effects, e_columns, first="models"),
                      f'<p class="note">change ± one standard error of the mean per-problem difference '
                      f"({first['overall']['problems']} problems × n = {n}); an effect under 3 "
                      "standard errors is marked no effect.</p>"]
        knowledge, k_columns = _knowledge_rows(evals)
        if knowledge:
            counts = ", ".join(f"{name} {group['samples']} ({group['problems']} problems)" for name, group in
                               (first.get("reasoning_vs_knowledge") or {}).items() if name not in ("reasoning", "knowledge"))
            parts += ["<h2>Reasoning vs knowledge (Pass@1 / accuracy)</h2>", html_table(knowledge, k_columns, first="model"),
                      f'<p class="note">{html.escape(RVK_NOTE)} Samples per model: {html.escape(counts)}.</p>']
        instruct = [{"_name": label, **f} for label, e in evals.items() if (f := e.get("instruction_following"))]
        if instruct:
            parts += ["<h2>Instruction following (held-out instruct prompts)</h2>",
                      html_table(instruct, FOLLOW_COLUMNS, first="model"), f'<p class="note">{html.escape(FOLLOW_NOTE)}</p>']
    sft_curves, rl_curves = _curves(stages)
    if any(sft_curves.values()):
        parts += ["<h2>Training curves</h2>", plot_curves(sft_curves, "SFT loss (completion tokens)", "loss")]
    if any(rl_curves.values()):
        parts.append(plot_curves(rl_curves, "RL: mean reward per rollout batch", "reward"))
    probes = [p for name, entry in stages.items() for p in _probe_section(name, entry["dir"] / "probe.json")]
    if probes:
        parts += ["<h2>Diversity probing</h2>", *probes]
    if found := _final_tts(evals):
        label, tts = found
        parts += [f"<h2>CLR vs majority vote vs single sample ({html.escape(label)}, {html.escape(tts_scope(tts))})</h2>",
                  *tts_section(tts)[1:]]
    timing = []
    for _name, stage in stages.items():
        state = stage["state"]
        timing.append({"_name": stage["dir"].name, "status": "skipped" if (state.get("outputs") or {}).get("skipped")
                       else state.get("status", "not run"), "seconds": state.get("seconds"),
                       "error": state.get("error", "")})
    total = sum(t["seconds"] or 0 for t in timing)
    parts += ["<h2>Wall time per stage</h2>", html_table(timing, ["status", "seconds", "error"], first="stage"),
              f'<p class="note">total {total:.0f} s ({total / 60:.1f} min) over the stages that ran.</p>']
    environments = _environment_rows(stages)
    if environments:
        columns = list(dict.fromkeys(c for row in environments for c in row if c != "_name"))
        parts += ["<h2>Environment</h2>", html_table(environments, columns, first="stages"),
                  '<p class="note">Python, machine and library versions each stage ran with (a resumed run can mix '
                  "them: one row per set).</p>"]
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>tinylogic run</title>"
            f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>\n")


def write_run_report(run_dir: str | Path, stages: list[Stage] = STAGES, goals: Sequence[Goal] = ()) -> Path:
    """Write `<run_dir>/report.html` (and the headline numbers and goals to `<run_dir>/report.json`); returns
    the page."""
    run_dir = Path(run_dir)
    data = collect(run_dir, stages)
    goal_rows = _goal_rows(goals, data["evals"])
    (run_dir / "report.json").write_text(json.dumps({
        "headline": headline(data["evals"], stages) if data["evals"] else {},
        "goals": [{"claim": row["_name"], **{k: v for k, v in row.items() if k != "_name"}} for row in goal_rows],
        "stages": {n: {k: s["state"].get(k) for k in ("status", "seconds", "environment")}
                   for n, s in data["stages"].items()},
        "evals": {label: {"overall": e["overall"], "by_domain": e["by_domain"],
                          "reasoning_vs_knowledge": e.get("reasoning_vs_knowledge"),
                          "instruction_following": e.get("instruction_following")}
                  for label, e in data["evals"].items()},
    }, indent=2))
    path = run_dir / "report.html"
    path.write_text(render(data, goal_rows), encoding="utf-8")
    return path
