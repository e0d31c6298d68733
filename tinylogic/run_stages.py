"""The recipe's stages, each declared once in STAGES (`Stage`): its name, folder, function, the recipe paths
it reads and the earlier stages whose outputs it uses. The runner (`tinylogic.run`) derives each stage's
folder, key and resume from the declaration, the report (`tinylogic.run_report`) its entries.

Stages only chain the library functions (each stage reads what earlier stages recorded):
data (synthesise, decontaminate, split) → model → pretrain (when on) → Spectrum phase (sft1 → probe1 → fuse1 → hard → sft2 →
probe2 → fuse2) → rl (every phase) → distill → eval (every stage's model on the held-out test set, TTS on
the last). Every stage starts from the newest model an earlier stage made (`Context.model()`).

Folders: each `Stage` declares its own (`01-data` ... `12-eval`), never counted from its position, so a stage
added later takes a folder of its own (say `06a-<name>`, sorting where it runs) and no other folder is renamed:
runs made before it keep resuming.

Settings: each `Stage` declares the recipe paths it reads (`reads`: "data", "retrieval.domains", "seed", ...).
Their values are the stage's settings and key, and the stage function sees the recipe only through a
`RecipeView` that refuses any other path, so a read the key would miss fails at once instead of leaving
stale work in place. Likewise `uses`: the stage sees only those earlier stages' outputs (`StageOutputs`).
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tinylogic.config import RecipeConfig, SFTTraining
from tinylogic.processes import rank_and_world

STAGE_FILE = "stage.json"  # in each stage folder: the stage's settings, key, status and outputs
EVAL_ALIASES = {"base": "model", "rl_last": "rl"}  # eval.models names that are not a stage's own


def read_state(stage_dir: Path) -> dict[str, Any] | None:
    try:
        return json.loads((stage_dir / STAGE_FILE).read_text())
    except (FileNotFoundError, ValueError):
        return None


class RecipeView:
    """The recipe as one stage sees it (read-only): a declared path gives the real value (a whole section
    declared gives the pydantic object, to pass on to library functions), a parent of declared paths another
    view, and any other path raises, so a setting the stage's key would miss cannot be read."""

    def __init__(self, node: Any, stage: str, reads: tuple[str, ...], prefix: str = ""):
        object.__setattr__(self, "_at", (node, stage, reads, prefix))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # copy/pickle probes, and `_at` itself before it is set
            raise AttributeError(name)
        node, stage, reads, prefix = self._at
        value, path = getattr(node, name), prefix + name  # a misspelt field: pydantic's AttributeError
        if path in reads:
            return value
        if any(r.startswith(path + ".") for r in reads):
            return RecipeView(value, stage, reads, path + ".")
        raise LookupError(f"stage {stage!r} reads {path} but does not declare it in Stage.reads")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"the recipe is read-only in a stage (setting {name})")


class StageOutputs(dict):
    """Earlier stages' recorded outputs as one stage sees them: those of its `Stage.uses`; any other stage's
    raises, so a dependency the declaration would not show fails at once."""

    def __init__(self, outputs: dict[str, dict[str, Any]], stage: str, uses: Iterable[str]):
        super().__init__({name: outputs[name] for name in uses if name in outputs})
        self.stage = stage

    def __missing__(self, name: str) -> dict[str, Any]:
        raise LookupError(f"stage {self.stage!r} reads the outputs of stage {name!r} but does not declare it in "
                          "Stage.uses")


@dataclass
class Context:
    """What a stage sees: the recipe (a `RecipeView` in a run), the run folder, its own folder, the outputs of
    the earlier stages it uses (a `StageOutputs` in a run) and the model it starts from."""

    cfg: RecipeConfig | RecipeView
    run_dir: Path
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)  # stage name -> its recorded outputs
    stage_dir: Path = Path()
    console: Any = None
    progress: bool = True
    start_model: str | None = None  # the newest model an earlier stage made (the model chain)

    def model(self) -> str:
        """The newest model any earlier stage produced: where this stage starts."""
        if self.start_model is None:
            raise LookupError("no earlier stage made a model")
        return self.start_model

    def problems(self, name: str):
        from tinylogic.data.loaders import load_problems

        return load_problems(self.outputs["data"][name])


def _seeded_sample(items: list, count: int, seed: int) -> list:
    """`count` items (all when count is 0 or larger), a seeded choice in the original order."""
    if not count or count >= len(items):
        return list(items)
    keep = set(random.Random(seed).sample(range(len(items)), count))
    return [x for i, x in enumerate(items) if i in keep]


# ---------------------------------------------------------------- stages


def data_stage(ctx: Context) -> dict[str, Any]:
    """Synthesise the suite, add `data.train_files` (their `retrieval.domains` questions with passages from
    `retrieval.index` when set), decontaminate the training rows, and split the suite's held-out problems
    into the probing set and the test set."""
    from tinylogic.data import suite_knowledge
    from tinylogic.data.decontam import decontaminate
    from tinylogic.data.loaders import load_problems, write_problems
    from tinylogic.data.suite import suite_domain, synthesize

    cfg, out = ctx.cfg, ctx.stage_dir
    suite = synthesize(cfg.data.suite_size, cfg.data.suite_seed, domains=cfg.data.domains,
                       heldout_fraction=cfg.data.heldout_fraction, flawed_fraction=cfg.data.flawed_fraction,
                       passage_fraction=cfg.retrieval.suite_passage_fraction, passages_k=cfg.retrieval.k) \
        if cfg.data.suite_size else []
    own = [p for f in cfg.data.train_files for p in load_problems(f) if p.split != "heldout"]
    if cfg.retrieval.index and own:
        # Your own training questions are asked with passages from your index (RAG-style SFT and RL
        # prompts); rows that already carry passages (`tinylogic index attach`) keep theirs.
        from tinylogic.retrieval import attach_passages, load_index

        bare = [i for i, p in enumerate(own) if "passages" not in p.meta]
        asked = attach_passages([own[i] for i in bare], load_index(cfg.retrieval.index), cfg.retrieval.k,
                                cfg.retrieval.domains)
        for i, problem in zip(bare, asked, strict=True):
            own[i] = problem
    train = [p for p in suite if p.split != "heldout"] + own
    against = [p for f in cfg.data.decontam_against for p in load_problems(f)]
    kept, dropped = decontaminate(train, against, cfg.data.decontam_ngram)
    heldout = [p for p in suite if p.split == "heldout"]
    probe_ids = {p.id for p in _seeded_sample(heldout, cfg.spectrum.probe_problems, cfg.data.suite_seed)}
    probe = [p for p in heldout if p.id in probe_ids]
    test = [p for p in heldout if p.id not in probe_ids]
    if not kept or not probe or not test:
        raise ValueError(f"data: {len(kept)} training, {len(probe)} probing and {len(test)} test problems; each "
                         "needs at least one (raise data.suite_size or data.heldout_fraction, or lower "
                         "spectrum.probe_problems)")
    paths = {name: out / f"{name}.jsonl" for name in ("train", "probe", "test")}
    for name, rows in (("train", kept), ("probe", probe), ("test", test)):
        write_problems(paths[name], rows)
    (out / "decontam_report.jsonl").write_text("".join(json.dumps(r) + "\n" for r in dropped))
    index = cfg.retrieval.index
    if index is None and cfg.data.suite_size and any(suite_domain(d).suite is suite_knowledge
                                                     for d in cfg.data.domains):
        # The built-in facts' corpus, indexed as `tinylogic index build` would: the eval stage asks the
        # knowledge questions closed-book and with these passages.
        from tinylogic.retrieval import build_index

        index = str(build_index(suite_knowledge.passages(), out / "index"))
    return {**{k: str(v) for k, v in paths.items()}, "index": index,
            "counts": {"train": len(kept), "dropped": len(dropped), "probe": len(probe), "test": len(test)}}


def model_stage(ctx: Context) -> dict[str, Any]:
    """The embedded default built from config (`tiny` / `small`), a base shipped in the package
    (`tiny-pretrained`), or the base model as given."""
    from tinylogic.models import SIZES, init_model
    from tinylogic.pretrained import resolve_model

    base = ctx.cfg.model.base
    if base in SIZES:
        return {"model": str(init_model(ctx.stage_dir / "model", size=base, seed=ctx.cfg.model.init_seed))}
    return {"model": resolve_model(base)}


def pretrain_stage(ctx: Context) -> dict[str, Any]:
    """Pretraining on the raw-text corpus (data/corpus.py), leaving out every held-out problem of the data
    stage; then its held-out answer accuracy per kind."""
    from tinylogic.train.pretrain import pretrain

    heldout = [*ctx.problems("probe"), *ctx.problems("test")]
    exclude = {p.prompt for p in heldout} | {p.meta["task_prompt"] for p in heldout if "task_prompt" in p.meta}
    final, scores = pretrain(ctx.model(), ctx.stage_dir, ctx.cfg.pretrain, exclude=exclude, seed=ctx.cfg.seed,
                             progress=ctx.progress)
    return {"model": str(final), "heldout": scores}


def _claim_subsample(records: list[dict], fraction: float, seed: int) -> list[dict]:
    """Every solve record and round(fraction * n) of the n claim records, at least one when fraction > 0
    (a positive setting that kept nothing would silently mean 0)."""
    if fraction >= 1:
        return records
    solve = [r for r in records if r.get("kind", "solve") == "solve"]
    claims = [r for r in records if r.get("kind", "solve") != "solve"]
    count = max(1, round(fraction * len(claims))) if fraction and claims else 0
    return solve + (_seeded_sample(claims, count, seed) if count else [])  # a count of 0 would mean all there


def sft1_stage(ctx: Context) -> dict[str, Any]:
    """Curriculum stage 1: all training data (solve records, plus claim records with sft.include_claims),
    after stage 0 (`spectrum.stage0_domains` alone, in stage0/) when set."""
    from tinylogic.train.sft import load_records, train_sft

    cfg, start = ctx.cfg, ctx.model()
    records = load_records(ctx.outputs["data"]["train"], include_claims=cfg.sft.include_claims)
    records = _claim_subsample(records, cfg.spectrum.claim_fraction, cfg.seed)
    if cfg.spectrum.stage0_domains:
        first = [r for r in records if r.get("domain") in cfg.spectrum.stage0_domains]
        if not first:
            found = sorted({str(r.get("domain")) for r in records})
            raise ValueError(f"spectrum.stage0_domains {cfg.spectrum.stage0_domains}: no training record has one "
                             f"of these domains (found: {', '.join(found)})")
        # stage 1's settings otherwise; sft.domain_weights set stage 1's mix, and would cut stage 0's own data
        stage0 = _sft_training(cfg, epochs=cfg.spectrum.stage0_epochs, domain_weights={})
        start = train_sft(start, first, ctx.stage_dir / "stage0", stage0, seed=cfg.seed, progress=ctx.progress)
    final = train_sft(start, records, ctx.stage_dir, _sft_training(cfg), seed=cfg.seed, progress=ctx.progress)
    return {"model": str(final), "sft_dir": str(ctx.stage_dir), "records": len(records)}


def _probe(ctx: Context, sft_stage: str) -> dict[str, Any]:
    from tinylogic.train.probe import list_checkpoints, probe_checkpoints

    sp = ctx.cfg.spectrum
    result = probe_checkpoints(list_checkpoints(ctx.outputs[sft_stage]["sft_dir"]), ctx.problems("probe"),
                               ctx.stage_dir, k=sp.probe_k, n=sp.probe_n, max_new_tokens=sp.max_new_tokens,
                               seed=ctx.cfg.seed, progress=ctx.progress, shard=True, **ctx.cfg.engine.arguments())
    return {"probe": str(ctx.stage_dir / "probe.json"), "specialists": result["specialists"]}


def _fuse(ctx: Context, probe_stage: str) -> dict[str, Any]:
    from tinylogic.train.fuse import fuse, probe_fusion

    specialists, weights = probe_fusion(ctx.outputs[probe_stage]["probe"], ctx.cfg.spectrum.fuse_weights)
    return {"model": str(fuse(specialists, ctx.stage_dir / "model", weights)), "specialists": specialists}


def hard_stage(ctx: Context) -> dict[str, Any]:
    """Curriculum stage 2's data: training problems the current model fails often, with their long traces."""
    from tinylogic.data.loaders import write_problems
    from tinylogic.train.curriculum import hard_subset

    cfg = ctx.cfg
    problems = _seeded_sample(ctx.problems("train"), cfg.spectrum.hard_max_problems, cfg.seed)
    kept, summary = hard_subset(ctx.model(), problems, ctx.stage_dir, rollouts=cfg.sft.hard_rollouts,
                                min_error_rate=cfg.sft.hard_min_error_rate,
                                min_trace_tokens=cfg.sft.hard_min_trace_tokens,
                                max_new_tokens=cfg.spectrum.max_new_tokens, seed=cfg.seed, progress=ctx.progress,
                                shard=True, **cfg.engine.arguments())
    if not kept:
        raise ValueError(f"hard subset: no problem kept of {len(problems)} rated (see "
                         f"{ctx.stage_dir / 'hard_subset_report.json'}); lower sft.hard_min_error_rate or "
                         "sft.hard_min_trace_tokens, or set spectrum.stage2=false")
    path = ctx.stage_dir / "hard.jsonl"
    if rank_and_world()[0] == 0:
        write_problems(path, kept)
    return {"hard": str(path), "rated": len(problems), "kept": len(kept), "verifier_errors": summary["verifier_errors"]}


def sft2_stage(ctx: Context) -> dict[str, Any]:
    """Curriculum stage 2: continue from stage 1's model on the hard subset for sft.epochs_stage2 epochs."""
    from tinylogic.train.sft import load_records, train_sft

    cfg = ctx.cfg
    records = load_records(ctx.outputs["hard"]["hard"], include_claims=False)  # claims were learnt in stage 1
    final = train_sft(ctx.model(), records, ctx.stage_dir, _stage2_sft(cfg), seed=cfg.seed, progress=ctx.progress)
    return {"model": str(final), "sft_dir": str(ctx.stage_dir), "records": len(records)}


def rl_stage(ctx: Context) -> dict[str, Any]:
    from tinylogic.train.rl import train_rl

    finals = train_rl(ctx.model(), ctx.problems("train"), ctx.stage_dir, ctx.cfg.rl, seed=ctx.cfg.seed,
                      progress=ctx.progress, console=ctx.console, **ctx.cfg.engine.arguments())
    return {"model": str(finals[-1]), "models": [str(f) for f in finals], "start": ctx.model()}


def distill_stage(ctx: Context) -> dict[str, Any]:
    """Self-distillation: every RL phase's final is a teacher; the student is `run.distill_student`. Every
    process samples its share; the main one scores and selects; all train the student."""
    from tinylogic.train.distill import distill

    cfg = ctx.cfg
    teachers = ctx.outputs["rl"]["models"]
    student = teachers[-1] if cfg.run.distill_student == "last_rl" else ctx.outputs["rl"]["start"]
    problems = _seeded_sample(ctx.problems("train"), cfg.run.distill_problems, cfg.seed)
    final = distill(student, teachers, problems, ctx.stage_dir, cfg.distill, cfg.sft, seed=cfg.seed,
                    progress=ctx.progress, console=ctx.console, shard=True, **cfg.engine.arguments())
    return {"model": str(final), "student": str(student), "teachers": teachers}


def evaluated_models(ctx: Context) -> dict[str, str]:
    """Label -> model folder for every model the eval stage scores, in stage order."""
    models: dict[str, str] = {}
    for stage in ctx.cfg.eval.models:
        out = ctx.outputs.get(EVAL_ALIASES.get(stage, stage)) or {}
        if out.get("skipped") or not out.get("model"):
            continue
        if stage in ("rl", "rl_last"):
            phases = out["models"] if stage == "rl" else out["models"][-1:]
            models.update({f"rl/{Path(m).parent.name}": m for m in phases})
        else:
            models[stage] = out["model"]
    return models


def eval_stage(ctx: Context) -> dict[str, Any]:
    """Every evaluated model on the held-out test set; TTS (single / majority / CLR ...) on the last one.

    With `tts.domains` named, TTS runs apart, in `<label>--tts/`: on the test problems of those domains (up to
    eval.max_problems of them, not only those among the first eval.max_problems test problems), eval.tts_n
    samples each, while the last model's own row takes eval.n like the others. Else it runs on the last model's
    own samples (eval.tts_n per problem). Questions of retrieval.domains are asked both ways in either run."""
    from tinylogic.eval.harness import evaluate_model

    cfg, ev = ctx.cfg, ctx.cfg.eval
    all_test = ctx.problems("test")
    index = ctx.outputs["data"].get("index")

    def asked(problems: list) -> list:
        """Closed-book, plus a copy of each question with the retrieved passages: the reasoning-vs-knowledge
        table (the eval's problems and a separate TTS run's alike)."""
        if not index or not any(p.domain in cfg.retrieval.domains for p in problems):
            return problems
        from tinylogic.eval.harness import ask_with_passages

        return ask_with_passages(problems, "compare", index, k=cfg.retrieval.k, domains=cfg.retrieval.domains)

    test = asked(all_test[:ev.max_problems or None])

    def evaluate(name: str, model: str, problems: list, out: Path, n: int, tts: list[str] | None) -> str:
        summary = evaluate_model(model, problems, out, n=n, ks=ev.ks, temperature=ev.temperature, top_p=ev.top_p,
                                 max_new_tokens=ev.max_new_tokens, seed=cfg.seed, progress=ctx.progress, tts=tts,
                                 tts_settings=cfg.tts, shard=True, **cfg.engine.arguments())
        if ctx.console is not None and rank_and_world()[0] == 0:
            ctx.console.print(f"{name}: " + ", ".join(f"{k} {summary['overall'].get(f'pass@{k}', 0):.3f}"
                                                     for k in ev.ks))
        return str(out / "summary.json")

    models = evaluated_models(ctx)
    summaries, tts_summaries = {}, {}
    for i, (label, model) in enumerate(models.items()):
        folder = ctx.stage_dir / label.replace("/", "--")
        last = i == len(models) - 1 and bool(ev.tts)  # TTS on the last model only
        together = last and not cfg.tts.domains  # on the model's own samples
        summaries[label] = evaluate(label, model, test, folder, (ev.tts_n or ev.n) if together else ev.n,
                                    ev.tts if together else None)
        if last and cfg.tts.domains:
            tts_problems = asked([p for p in all_test if p.domain in cfg.tts.domains][:ev.max_problems or None])
            tts_summaries[label] = evaluate(f"{label} (TTS)", model, tts_problems,
                                            folder.with_name(f"{folder.name}--tts"), ev.tts_n or ev.n, ev.tts)
    return {"summaries": summaries, "tts_summaries": tts_summaries}


@dataclass(frozen=True)
class Stage:
    """A recipe stage, declared once: the runner derives its folder, key and resume from this, and the report
    its entries. Adding a stage is its function plus one declaration in STAGES (docs/ARCHITECTURE.md)."""

    name: str
    folder: str  # its folder in the run, declared once and never renumbered (see the module docstring)
    run: Callable[[Context], dict[str, Any]]
    reads: tuple[str, ...]  # the dotted recipe paths it reads: its settings, its key, and all the view allows
    # earlier stages whose recorded outputs it reads, besides the model it starts from (or a function of the
    # recipe giving them, for a stage whose inputs are settings: eval reads the stages eval.models names)
    uses: tuple[str, ...] | Callable[[RecipeConfig], tuple[str, ...]] = ()
    enabled: Callable[[RecipeConfig], bool] = lambda cfg: True
    distributed: bool = False  # runs on every process under `accelerate launch`
    makes_model: bool = False  # it records a `model` of its own: a name eval.models accepts
    phase: str = ""  # the recipe phase its model stands for in the report's headline: spectrum or rl
    curves: tuple[tuple[str, str], ...] = ()  # report: (label, metrics.jsonl glob inside its folder) training
    #   curves, each drawn after the one before it; an empty label is the file's folder name (one per RL phase)


# The sft.* fields train_sft uses: stage 2's and the hard subset's own fields are not among them, so changing
# those does not re-run stage 1.
SFT_TRAINING = tuple(f"sft.{name}" for name in SFTTraining.model_fields)


def _sft_training(cfg: RecipeConfig | RecipeView, **changes: Any) -> SFTTraining:
    """The settings train_sft runs with, read field by field (so a view checks each) with `changes` applied."""
    names = [p.removeprefix("sft.") for p in SFT_TRAINING]
    return SFTTraining(**{name: getattr(cfg.sft, name) for name in names if name not in changes}, **changes)


def _stage2_sft(cfg: RecipeConfig | RecipeView) -> SFTTraining:
    """The SFT settings stage 2 trains with: stage 1's, with the stage-2 epochs, LR and checkpoint spacing."""
    return _sft_training(cfg, epochs=cfg.sft.epochs_stage2,
                         learning_rate=cfg.sft.learning_rate_stage2 or cfg.sft.learning_rate,
                         save_every=cfg.spectrum.save_every_stage2 or cfg.sft.save_every)


PROBE_READS = ("spectrum.probe_k", "spectrum.probe_n", "spectrum.max_new_tokens", "engine", "seed")

SFT_CURVE = (("", "metrics.jsonl"),)  # a stage's own SFT run: its loss curve, labelled with the stage's name

STAGES = [
    Stage("data", "01-data", data_stage, ("data", "retrieval", "spectrum.probe_problems")),
    Stage("model", "02-model", model_stage, ("model",)),
    Stage("pretrain", "02a-pretrain", pretrain_stage, ("pretrain", "seed"), uses=("data",),
          enabled=lambda c: c.pretrain.documents > 0, distributed=True, makes_model=True,
          curves=(("pretrain", "metrics.jsonl"),)),
    Stage("sft1", "03-sft1", sft1_stage, (*SFT_TRAINING, "sft.include_claims", "spectrum.claim_fraction",
                                          "spectrum.stage0_domains", "spectrum.stage0_epochs", "seed"),
          uses=("data",), distributed=True, makes_model=True, phase="spectrum",
          curves=(("sft1 stage 0", "stage0/metrics.jsonl"), ("sft1", "metrics.jsonl"))),
    Stage("probe1", "04-probe1", lambda ctx: _probe(ctx, "sft1"), PROBE_READS, uses=("data", "sft1"),
          enabled=lambda c: c.spectrum.fuse, distributed=True),
    Stage("fuse1", "05-fuse1", lambda ctx: _fuse(ctx, "probe1"), ("spectrum.fuse_weights",), uses=("probe1",),
          enabled=lambda c: c.spectrum.fuse, makes_model=True, phase="spectrum"),
    Stage("hard", "06-hard", hard_stage, ("sft.hard_rollouts", "sft.hard_min_error_rate", "sft.hard_min_trace_tokens",
                                          "spectrum.hard_max_problems", "spectrum.max_new_tokens", "engine", "seed"),
          uses=("data",), enabled=lambda c: c.spectrum.stage2, distributed=True),
    Stage("sft2", "07-sft2", sft2_stage, (*(p for p in SFT_TRAINING if p != "sft.epochs"), "sft.epochs_stage2",
                                          "sft.learning_rate_stage2", "spectrum.save_every_stage2", "seed"),
          uses=("hard",), enabled=lambda c: c.spectrum.stage2, distributed=True, makes_model=True, phase="spectrum",
          curves=(("sft2", "metrics.jsonl"),)),
    Stage("probe2", "08-probe2", lambda ctx: _probe(ctx, "sft2"), PROBE_READS, uses=("data", "sft2"),
          enabled=lambda c: c.spectrum.stage2 and c.spectrum.fuse, distributed=True),
    Stage("fuse2", "09-fuse2", lambda ctx: _fuse(ctx, "probe2"), ("spectrum.fuse_weights",), uses=("probe2",),
          enabled=lambda c: c.spectrum.stage2 and c.spectrum.fuse, makes_model=True, phase="spectrum"),
    Stage("rl", "10-rl", rl_stage, ("rl", "engine", "seed"), uses=("data",), distributed=True, makes_model=True,
          phase="rl", curves=(("", "*/metrics.jsonl"),)),
    Stage("distill", "11-distill", distill_stage, ("distill", "sft", "run", "engine", "seed"), uses=("data", "rl"),
          enabled=lambda c: c.run.distill, distributed=True, makes_model=True, curves=(("distill", "sft/metrics.jsonl"),)),
    Stage("eval", "12-eval", eval_stage, ("eval", "tts", "retrieval.k", "retrieval.domains", "engine", "seed"),
          uses=lambda c: ("data", *(EVAL_ALIASES.get(name, name) for name in c.eval.models)),
          distributed=True),  # each process samples its share of the problems
]
