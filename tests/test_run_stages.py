"""The recipe's stage declarations, without running a recipe: each stage's settings key follows what it reads,
reading an undeclared setting or output is an error, folders and stage order, the claim subsample, and the
shipped recipes validate."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_run import stage_named, tiny_recipe

from tinylogic import run, run_stages
from tinylogic.config_load import load_recipe

ROOT = Path(__file__).resolve().parents[1]


def test_claim_fraction_keeps_every_solve_record():
    records = [{"kind": "solve", "i": i} for i in range(10)] + [{"kind": "claim_check", "i": i} for i in range(40)]
    kept = run_stages._claim_subsample(records, 0.25, seed=0)
    assert [r for r in kept if r["kind"] == "solve"] == records[:10]
    assert len([r for r in kept if r["kind"] == "claim_check"]) == 10
    assert run_stages._claim_subsample(records, 0.25, seed=0) == kept and run_stages._claim_subsample(records, 1.0, 0) == records


def test_small_claim_fractions_keep_few_claim_records():
    # 0 keeps none, a positive fraction round(fraction * n) and at least one (these kept all 100 before)
    records = [{"kind": "solve"}] * 5 + [{"kind": "claim_check", "i": i} for i in range(100)]
    for fraction, claims in ((0.0, 0), (0.001, 1), (0.004, 1), (0.005, 1), (0.03, 3), (0.5, 50)):
        kept = run_stages._claim_subsample(records, fraction, seed=0)
        assert len(kept) == 5 + claims, fraction


def test_stage2_learning_rate_changes_only_stage2(tmp_path, tiny_model):
    same = tiny_recipe(tmp_path, tiny_model)
    lower = tiny_recipe(tmp_path, tiny_model, "sft.learning_rate_stage2=1e-5")
    assert run_stages._stage2_sft(same).learning_rate == same.sft.learning_rate  # null: the same schedule
    assert run_stages._stage2_sft(lower).learning_rate == 1e-5
    assert run.stage_settings(lower, stage_named("sft2")) != run.stage_settings(same, stage_named("sft2"))
    assert run.stage_settings(lower, stage_named("sft1")) == run.stage_settings(same, stage_named("sft1"))  # not re-run for it


def _replaced(cfg, path: str, value):
    """A copy of the config with the value at the dotted path replaced (unvalidated: any value will do)."""
    head, _, rest = path.partition(".")
    return cfg.model_copy(update={head: _replaced(getattr(cfg, head), rest, value) if rest else value})


def test_every_declared_setting_is_in_its_stage_key(tmp_path, tiny_model):
    """The key (and so whether the stage re-runs) follows every path the stage declares in `reads`."""
    cfg = tiny_recipe(tmp_path, tiny_model)
    for stage in run.STAGES:
        before = run.stage_settings(cfg, stage)
        for path in stage.reads:
            after = run.stage_settings(_replaced(cfg, path, f"changed {path}"), stage)
            assert run._digest([stage.name, after]) != run._digest([stage.name, before]), (stage.name, path)


def test_reading_an_undeclared_setting_names_it(tmp_path, tiny_model):
    cfg = tiny_recipe(tmp_path, tiny_model)
    view = run_stages.RecipeView(cfg, "data", ("data", "retrieval.k", "seed"))
    assert view.data is cfg.data and view.retrieval.k == cfg.retrieval.k and view.seed == cfg.seed
    with pytest.raises(LookupError, match=r"^stage 'data' reads retrieval\.domains but does not declare it in "
                                          r"Stage\.reads$"):
        _ = view.retrieval.domains
    with pytest.raises(LookupError, match="reads spectrum but does not declare it"):
        _ = view.spectrum


def test_inserting_a_stage_renames_no_other_folder(tmp_path, monkeypatch):
    before = [d.name for d in run.stage_dirs(tmp_path)]
    at = [s.name for s in run.STAGES].index("sft2")
    check = run_stages.Stage("check", folder="06a-check", run=lambda ctx: {}, reads=())
    monkeypatch.setattr(run, "STAGES", [*run.STAGES[:at], check, *run.STAGES[at:]])
    assert [d.name for d in run.stage_dirs(tmp_path)] == [*before[:at], "06a-check", *before[at:]]


def test_reading_undeclared_stage_outputs_names_them():
    outputs = run_stages.StageOutputs({"data": {"train": "t"}, "rl": {"model": "m"}}, "distill", ("data",))
    assert outputs["data"] == {"train": "t"} and "rl" not in outputs
    with pytest.raises(LookupError, match=r"^stage 'distill' reads the outputs of stage 'rl' but does not declare "
                                          r"it in Stage\.uses$"):
        _ = outputs["rl"]


def test_stages_use_only_earlier_stages():
    names = [s.name for s in run.STAGES]
    every_model = load_recipe(None, ["eval.models=[base,sft1,fuse1,sft2,fuse2,rl,rl_last,distill]"])
    for at, stage in enumerate(run.STAGES):
        uses = stage.uses(every_model) if callable(stage.uses) else stage.uses
        assert set(uses) <= set(names[:at]), stage.name


def test_recipes_validate():
    for name in ("demo.yaml", "knowledge.yaml", "qwen2.5-coder-3b.yaml"):
        cfg = load_recipe(ROOT / "recipes" / name)
        assert cfg.rl.phases and cfg.eval.models
    knowledge = load_recipe(ROOT / "recipes" / "knowledge.yaml")
    assert knowledge.data.domains == ["math", "knowledge"] and knowledge.sft.domain_weights == {"choice": 1.5}
    assert not knowledge.spectrum.stage2 and not knowledge.spectrum.stage0_domains  # one stage 1 from the fresh model
    qwen = load_recipe(ROOT / "recipes" / "qwen2.5-coder-3b.yaml")
    assert qwen.model.base == "Qwen/Qwen2.5-Coder-3B" and qwen.sft.include_claims and "clr" in qwen.eval.tts
