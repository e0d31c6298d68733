"""Diversity probing (docs/RECIPE.md §1): Pass@K per subdomain for every saved checkpoint, and the specialist
M_i* = argmax_t P_i(t) per subdomain, which expert fusion then averages.

Each checkpoint is evaluated with the harness (n ≥ K samples, unbiased pass@K) into its own folder,
so an interrupted probe resumes where it stopped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tinylogic.data.schema import Problem


def list_checkpoints(run_dir: str | Path) -> list[Path]:
    """A run's step checkpoints in step order, then its final model (complete folders only)."""
    run_dir = Path(run_dir)
    steps = sorted((run_dir / "checkpoints").glob("step-*"), key=lambda p: int(p.name.split("-")[1]))
    found = [p for p in [*steps, run_dir / "final"] if (p / "config.json").exists()]
    if not found:
        raise FileNotFoundError(f"no checkpoints under {run_dir} (expected checkpoints/step-*/ or final/)")
    return found


def probe_checkpoints(checkpoints: Sequence[str | Path], problems: Sequence[Problem], out_dir: str | Path, *,
                      k: int = 8, n: int | None = None, temperature: float = 1.0, top_p: float = 0.95,
                      max_new_tokens: int = 256, seed: int = 0, progress: bool = True, backend: str = "hf",
                      engine_kwargs: dict[str, Any] | None = None, shard: bool = False) -> dict[str, Any]:
    """Pass@k per (checkpoint, subdomain); writes out_dir/probe.json and returns it.

    `best` maps each subdomain to its specialist checkpoint (`pick_specialists`: the highest Pass@k, ties to
    the higher overall Pass@k, then to the earlier checkpoint); `specialists` lists the distinct ones in
    checkpoint order (fusion weights: `tinylogic.train.fuse.FUSE_WEIGHTS`). `shard`: every process samples
    its share (`evaluate_model`); the main one writes probe.json.
    """
    from tinylogic.eval.harness import evaluate_model
    from tinylogic.processes import rank_and_world

    n = n or k
    if n < k:
        raise ValueError(f"probe: pass@{k} needs n >= {k} samples per problem (n={n})")
    if not problems:
        raise ValueError("probe: no probing problems")
    out_dir = Path(out_dir)
    metric = f"pass@{k}"
    table: dict[str, dict[str, float]] = {}
    for ckpt in checkpoints:
        ckpt = Path(ckpt)
        name = ckpt.name if ckpt.name != "final" else f"{ckpt.parent.name}/final"
        summary = evaluate_model(ckpt, problems, out_dir / name.replace("/", "--"), n=n, ks=sorted({1, k}),
                                 temperature=temperature, top_p=top_p, max_new_tokens=max_new_tokens,
                                 seed=seed, progress=progress, backend=backend, engine_kwargs=engine_kwargs,
                                 shard=shard)
        table[str(ckpt)] = {sub: row[metric] for sub, row in summary["by_subdomain"].items()}
        table[str(ckpt)]["all"] = summary["overall"][metric]
    best = pick_specialists(table)
    result = {"metric": metric, "n": n, "k": k, "seed": seed, "temperature": temperature, "top_p": top_p,
              "problems": len(problems), "table": table, "best": best,
              "specialists": sorted(set(best.values()), key=list(table).index)}
    out_dir.mkdir(parents=True, exist_ok=True)
    if rank_and_world()[0] == 0:
        (out_dir / "probe.json").write_text(json.dumps(result, indent=2))
    return result


def pick_specialists(table: dict[str, dict[str, float]]) -> dict[str, str]:
    """M_i* = argmax_t P_i(t) per subdomain i. Ties go to the checkpoint with the higher overall score
    (so a subdomain no checkpoint solves does not pull a weak checkpoint into the fusion), then to the
    earlier one (fewer steps, less drift from the broad model). `table` maps checkpoint ->
    {subdomain: score, "all": overall}, in checkpoint order."""
    order = list(table)
    subdomains = sorted({sub for row in table.values() for sub in row if sub != "all"})
    return {sub: max(order, key=lambda c, s=sub: (table[c].get(s, 0.0), table[c].get("all", 0.0), -order.index(c)))
            for sub in subdomains}


def render_probe(result: dict[str, Any], console) -> None:
    from rich.table import Table

    subdomains = sorted({s for row in result["table"].values() for s in row if s != "all"})
    table = Table(title=f"{result['metric']} per subdomain (n={result['n']}, {result['problems']} problems)")
    table.add_column("checkpoint", no_wrap=True)
    for sub in [*subdomains, "all"]:
        table.add_column(sub, justify="right")
    for ckpt, row in result["table"].items():
        cells = []
        for sub in [*subdomains, "all"]:
            value = f"{row.get(sub, float('nan')):.3f}"
            cells.append(f"[bold green]{value}[/]" if result["best"].get(sub) == ckpt else value)
        table.add_row(_short(ckpt), *cells)
    console.print(table)
    for sub, ckpt in result["best"].items():
        console.print(f"specialist for {sub}: {_short(ckpt)}")


def _short(checkpoint: str) -> str:
    path = Path(checkpoint)
    return f"{path.parent.name}/{path.name}" if path.name == "final" else path.name
