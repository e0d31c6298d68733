"""The recipe runner: a tiny recipe through every stage, resume, downstream re-runs, failures, the report."""

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tinylogic import run, run_stages
from tinylogic.config_load import ConfigError, load_recipe
from tinylogic.eval.harness import RETRIEVAL_SUFFIX
from tinylogic.verify.base import Verdict


def tiny_recipe(out: Path, model: Path, *overrides: str):
    """Every stage at toy size: a 48-problem suite, a few SFT steps, one RL batch per phase."""
    return load_recipe(None, tiny_settings(out, model, *overrides))


def tiny_settings(out: Path, model: Path, *overrides: str) -> list[str]:
    settings = [
        f"output_dir={out}", "name=tiny", "model.base=" + str(model),
        "data.suite_size=32", "data.heldout_fraction=0.3", "data.decontam_against=[]",
        "sft.epochs=1", "sft.global_batch_size=32", "sft.pack_tokens=256", "sft.micro_batch_rows=4",
        "sft.save_every=2", "sft.include_claims=true", "sft.epochs_stage2=1", "sft.hard_rollouts=2",
        "sft.hard_min_error_rate=0", "sft.hard_min_trace_tokens=0",
        "spectrum.probe_problems=3", "spectrum.probe_k=2", "spectrum.probe_n=2", "spectrum.max_new_tokens=12",
        "spectrum.hard_max_problems=4", "spectrum.claim_fraction=0.1", "spectrum.save_every_stage2=1",
        "rl.steps=1", "rl.group_size=2", "rl.prompts_per_step=2", "rl.max_new_tokens=12", "rl.pass_rate_filter=false",
        "rl.pack_tokens=512", "rl.report_to=none",
        "distill.samples_per_problem=2", "distill.max_new_tokens=12", "distill.min_trace_tokens=0", "distill.keep_truncated=true",
        "distill.length_buckets=1", "distill.keep_low=0", "distill.keep_high=1", "distill.outlier_mad=0",
        "run.distill_problems=4",
        "eval.n=2", "eval.ks=[1,2]", "eval.max_new_tokens=12", "eval.max_problems=4",
        "eval.tts=[single,majority,clr]", "eval.tts_n=3", "tts.k=2", "tts.extract_max_tokens=12", "tts.check_max_tokens=2",
    ]
    return [*settings, *overrides]


def fake_verify(items, workers=None, **_):
    """Accept responses of even length: the untrained tiny model never solves anything, and distillation
    and RL need some correct samples to have anything to do."""
    return [Verdict(correct=len(text) % 2 == 0, reward=float(len(text) % 2 == 0)) for _, text in items]


@pytest.fixture
def verified(monkeypatch):
    monkeypatch.setattr("tinylogic.verify.batch.verify_batch", fake_verify)


@pytest.fixture(scope="module")
def full_run(tmp_path_factory, tiny_model):
    out = tmp_path_factory.mktemp("runs")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("tinylogic.verify.batch.verify_batch", fake_verify)
        report = run.run_recipe(tiny_recipe(out, tiny_model), progress=False)
    return out / "tiny", report


def stage_named(name: str) -> run_stages.Stage:
    return next(s for s in run.STAGES if s.name == name)


def states(run_dir: Path) -> dict[str, dict]:
    return {d.name: run.read_state(d) for d in run.stage_dirs(run_dir)}


BEFORE_DISTILL = [s.name for s in run.STAGES[:[s.name for s in run.STAGES].index("distill")]]


def forbid(monkeypatch, *names: str) -> None:
    """Make the named stages raise if they are called (to prove they are skipped)."""
    def boom(ctx):
        raise AssertionError(f"stage {ctx.stage_dir.name} should have been skipped")

    monkeypatch.setattr(run, "STAGES", [dataclasses.replace(s, run=boom) if s.name in names else s
                                        for s in run.STAGES])


def test_every_stage_runs_in_order(full_run):
    run_dir, report = full_run
    found = states(run_dir)
    # the declared folders, as runs made before have them (a renamed folder would be re-run from scratch)
    assert list(found) == ["01-data", "02-model", "02a-pretrain", "03-sft1", "04-probe1", "05-fuse1", "06-hard", "07-sft2",
                           "08-probe2", "09-fuse2", "10-rl", "11-distill", "12-eval"]
    assert all(s["status"] == "done" for s in found.values())
    # each model stage started from the one before it
    assert found["05-fuse1"]["outputs"]["specialists"][0].startswith(str(run_dir / "03-sft1"))
    hard = json.loads((run_dir / "06-hard" / "hard_subset_report.json").read_text())
    assert hard["model"] == found["05-fuse1"]["outputs"]["model"]
    assert found["10-rl"]["outputs"]["start"] == found["09-fuse2"]["outputs"]["model"]
    assert [Path(m).parent.name for m in found["10-rl"]["outputs"]["models"]] == ["01-math", "02-code"]
    assert found["11-distill"]["outputs"]["student"] == found["10-rl"]["outputs"]["models"][-1]
    summaries = found["12-eval"]["outputs"]["summaries"]
    assert list(summaries) == ["sft1", "fuse1", "sft2", "fuse2", "rl/01-math", "rl/02-code", "distill"]
    final = json.loads(Path(summaries["distill"]).read_text())
    assert set(final["tts"]["methods"]) == {"pass@1", "single", "majority", "clr"}
    # eval.tts_n: the final model (TTS's) takes 3 samples per problem, the others eval.n = 2
    assert final["settings"]["n"] == 3 and json.loads(Path(summaries["sft1"]).read_text())["settings"]["n"] == 2
    # probe and test sets are disjoint slices of the held-out split; training has no held-out row
    ids = {name: {json.loads(line)["id"] for line in (run_dir / "01-data" / f"{name}.jsonl").open()}
           for name in ("train", "probe", "test")}
    assert len(ids["probe"]) == 3 and ids["test"] and not (ids["probe"] & ids["test"])
    assert not (ids["train"] & (ids["probe"] | ids["test"]))
    page = report.read_text()
    for text in ("Headline", "Pass@2 after the Spectrum phase", "CLR vs majority vote", "Diversity probing",
                 "Training curves", "Wall time per stage", "12-eval", "Each stage's effect", "n = 2 (distill 3)"):
        assert text in page
    head = json.loads((run_dir / "report.json").read_text())["headline"]
    assert head["pass@1_after_rl"] == json.loads(Path(summaries["rl/02-code"]).read_text())["overall"]["pass@1"]
    one_domain = list(final["tts"]["by_domain"]) if len(final["tts"]["by_domain"]) == 1 else []
    assert head["tts_scope"] == " ".join(["K = 2,", str(final["tts"]["problems"]), *one_domain, "problems"])
    assert f"Selection on the final model ({head['tts_scope']})" in page
    assert f"CLR vs majority vote vs single sample (distill, {head['tts_scope']})</h2>" in page
    # the library versions each stage ran with (#19 item 4: a patch release can move the figures)
    import torch
    import transformers

    recorded = found["03-sft1"]["environment"]["packages"]
    assert recorded["torch"] == torch.__version__ and recorded["transformers"] == transformers.__version__
    assert f"<td>{torch.__version__}</td>" in page and "every stage that ran" in page
    cpu = found["03-sft1"]["environment"]["cpu"]  # the CPU model too: another one rounds differently
    assert cpu and f"<td>{cpu}</td>" in page


def test_stage_effects_under_three_standard_errors_read_no_effect():
    from tinylogic.run_report import _effect_rows

    def evals(solved_after: int, problems: int) -> dict:
        return {name: {"per_problem": [{"id": str(i), "domain": "math", "c": int(i < solved), "n": 1}
                                       for i in range(problems)]}
                for name, solved in (("before", 0), ("after", solved_after))}

    # 6 of 17 problems gained: +0.353 ± 0.119, z = 2.95, which rounding would show as 3.0
    assert _effect_rows(evals(6, 17))[0][0]["math"] == "+0.353 ± 0.119 (+2.9 SE, no effect)"
    # 5 of 10: z is exactly 3 (2.9999999999999996 in floating point): an effect
    assert _effect_rows(evals(5, 10))[0][0]["all"] == "+0.500 ± 0.167 (+3.0 SE)"


def test_report_names_each_environment_a_resumed_run_mixed(full_run, tmp_path):
    run_dir, _ = full_run
    copy = tmp_path / "tiny"
    shutil.copytree(run_dir, copy)
    state_file = copy / "12-eval" / "stage.json"
    state = json.loads(state_file.read_text())
    state["environment"]["packages"]["torch"] = "9.9.9"
    state_file.write_text(json.dumps(state))
    from tinylogic.run_report import write_run_report

    page = write_run_report(copy, run.STAGES).read_text()
    assert "<td>9.9.9</td>" in page and "<td>12-eval</td>" in page
    assert "every stage that ran" not in page


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_report_renders_in_headless_chromium(full_run, tmp_path):
    # the same screenshot check as tests/test_eval.py's report test
    _, report = full_run
    shot = tmp_path / "report.png"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", f"--user-data-dir={tmp_path / 'profile'}",
                    "--window-size=1000,1600", f"--screenshot={shot}", report.as_uri()],
                   check=True, capture_output=True, timeout=120)
    from PIL import Image

    image = Image.open(shot).convert("L")
    assert image.size == (1000, 1600)
    assert len(image.getcolors(maxcolors=256)) > 20  # text and plots drawn, not a blank page


def test_rerun_skips_finished_stages_and_goals_change_only_the_report(full_run, monkeypatch, tiny_model):
    run_dir, _ = full_run
    before = {d.name: (d / run.STAGE_FILE).stat().st_mtime_ns for d in run.stage_dirs(run_dir)}
    forbid(monkeypatch, *[s.name for s in run.STAGES])
    goals = ("goals=[{kind: level, claim: anything, model: sft1, at_least: 0},"
             " {kind: level, claim: more than all, model: distill, at_least: 1.01, why_missed: the toy size}]")
    page = run.run_recipe(tiny_recipe(run_dir.parent, tiny_model, goals), progress=False).read_text()
    assert {d.name: (d / run.STAGE_FILE).stat().st_mtime_ns for d in run.stage_dirs(run_dir)} == before
    assert "<h2>Goals</h2>" in page and "1 met, 1 missed" in page and "the toy size" in page
    checked = json.loads((run_dir / "report.json").read_text())["goals"]
    assert [(g["claim"], g["status"]) for g in checked] == [("anything", "met"), ("more than all", "missed")]


def test_failed_stage_keeps_earlier_outputs_and_changed_setting_reruns_downstream(full_run, monkeypatch, verified,
                                                                                  tiny_model):
    run_dir, _ = full_run
    before = states(run_dir)
    changed = tiny_recipe(run_dir.parent, tiny_model, "distill.learning_rate=3e-5", "eval.models=[distill]")

    def broken(ctx):
        (ctx.stage_dir / "partial").write_text("x")
        raise RuntimeError("disk full")

    with monkeypatch.context() as mp:
        forbid(mp, *BEFORE_DISTILL)
        mp.setattr(run, "STAGES", [dataclasses.replace(s, run=broken) if s.name == "distill" else s
                                   for s in run.STAGES])
        with pytest.raises(RuntimeError, match="disk full"):
            run.run_recipe(changed, progress=False)
    after = states(run_dir)
    assert after["11-distill"]["status"] == "failed" and "disk full" in after["11-distill"]["error"]
    assert not (run_dir / "11-distill" / "sft").exists()  # the stale run of the old setting was cleared
    for name in list(before)[:list(before).index("11-distill")]:
        assert after[name] == before[name]
        assert Path(after[name]["outputs"].get("model", run_dir)).exists()
    assert after["12-eval"] == before["12-eval"]  # not reached: untouched

    # fixed and run again: the earlier stages are skipped, distill and eval re-run with the new setting
    forbid(monkeypatch, *BEFORE_DISTILL)
    run.run_recipe(changed, progress=False)
    final = states(run_dir)
    assert final["11-distill"]["status"] == "done" and final["11-distill"]["settings"]["distill"]["learning_rate"] == 3e-5
    assert final["11-distill"]["config_hash"] != before["11-distill"]["config_hash"]
    assert final["12-eval"]["config_hash"] != before["12-eval"]["config_hash"]
    assert (run_dir / "11-distill" / "partial").exists()  # same settings as the failed try: resumed, not cleared
    assert all(final[name] == before[name] for name in list(before)[:list(before).index("11-distill")])


def test_tts_on_named_domains_runs_apart_on_all_their_test_problems(full_run, verified, tmp_path, tiny_model):
    copy = tmp_path / "tiny"
    shutil.copytree(full_run[0], copy)  # other tests change the shared run's settings: stale stages re-run here
    run.run_recipe(tiny_recipe(tmp_path, tiny_model, "tts.domains=[math]", "eval.models=[sft1, distill]"),
                   progress=False)
    outputs = run.read_state(copy / "12-eval")["outputs"]
    assert list(outputs["summaries"]) == ["sft1", "distill"] and list(outputs["tts_summaries"]) == ["distill"]
    own, apart = (json.loads(Path(outputs[key]["distill"]).read_text()) for key in ("summaries", "tts_summaries"))
    # the final model's own row takes eval.n like the others; TTS takes eval.tts_n on every math test problem,
    # not only those among the first eval.max_problems (4) test problems
    assert own["settings"]["n"] == 2 and not own.get("tts") and apart["settings"]["n"] == 3
    test = [json.loads(line) for line in (copy / "01-data" / "test.jsonl").open()]
    math_ids = [r["id"] for r in test if r["domain"] == "math"][:4]
    assert [p["id"] for p in apart["tts"]["per_problem"]] == math_ids
    assert math_ids != [r["id"] for r in test[:4] if r["domain"] == "math"]  # the toy split has math past the 4th
    head = json.loads((copy / "report.json").read_text())["headline"]
    assert head["tts_scope"] == f"K = 2, {len(math_ids)} math problems"


def test_changed_retrieval_domains_rerun_the_data_stage(tmp_path, monkeypatch, tiny_model):
    """The reported bug: the data stage attaches passages to retrieval.domains' questions, so it re-runs
    when they change (it was skipped as done, keeping the old passages)."""
    monkeypatch.setattr(run, "STAGES", run.STAGES[:1])  # the data stage alone
    run.run_recipe(tiny_recipe(tmp_path, tiny_model), progress=False)
    before = run.read_state(tmp_path / "tiny" / "01-data")
    run.run_recipe(tiny_recipe(tmp_path, tiny_model, "retrieval.domains=[choice, math]"), progress=False)
    after = run.read_state(tmp_path / "tiny" / "01-data")
    assert after["config_hash"] != before["config_hash"]
    assert after["status"] == "done" and after["settings"]["retrieval"]["domains"] == ["choice", "math"]


def test_eval_models_come_from_the_stage_declarations(tmp_path, monkeypatch, tiny_model):
    """eval.models accepts the stages that declare a model of their own; another name fails before any stage
    runs. A stage declared later (with makes_model) is accepted and has its row in the report."""
    with pytest.raises(ConfigError, match=r"eval.models: unknown 'probe1', 'sft3'; choose among base, rl_last, "
                                          r"pretrain, sft1, fuse1, sft2, fuse2, rl, distill$"):
        run.run_recipe(tiny_recipe(tmp_path, tiny_model, "eval.models=[sft1,probe1,sft3]"), progress=False)
    assert not (tmp_path / "tiny").exists()
    at = [s.name for s in run.STAGES].index("sft2")
    check = run_stages.Stage("check", "06a-check", run=lambda ctx: {"model": ctx.model()}, reads=(), makes_model=True)
    monkeypatch.setattr(run, "STAGES", [*run.STAGES[:at], check, *run.STAGES[at:]])
    run.check_stage_names(tiny_recipe(tmp_path, tiny_model, "eval.models=[check]"))
    from tinylogic.run_report import write_run_report

    (tmp_path / "tiny").mkdir()
    page = write_run_report(tmp_path / "tiny", run.STAGES).read_text()
    assert "<td>06a-check</td><td>not run</td>" in page


def test_stage2_off_carries_stage1_model(full_run, monkeypatch, verified, tiny_model):
    run_dir, _ = full_run
    cfg = tiny_recipe(run_dir.parent, tiny_model, "spectrum.stage2=false", "spectrum.fuse=false",
                      "eval.models=[base,sft1,sft2,rl,distill]", "eval.max_problems=1", "eval.tts=[]",
                      "rl.phases=[{name: math, domains: [math]}]", "run.distill=false", "engine.dtype=bf16")
    off = ("probe1", "fuse1", "hard", "sft2", "probe2", "fuse2", "distill")
    forbid(monkeypatch, "data", "model", "sft1", *off)  # sft1's settings did not change: reused
    run.run_recipe(cfg, progress=False)
    found = states(run_dir)
    assert all(found[d.name]["outputs"] == {"skipped": True} for d in run.stage_dirs(run_dir)
               if d.name.split("-", 1)[1] in off)
    assert found["10-rl"]["outputs"]["start"] == found["03-sft1"]["outputs"]["model"]
    summaries = found["12-eval"]["outputs"]["summaries"]
    assert list(summaries) == ["base", "sft1", "rl/01-math"]  # the base model before SFT; no distilled model
    settings = json.loads((Path(summaries["base"]).parent / "settings.json").read_text())
    assert settings["model"] == str(tiny_model.resolve()) and settings["dtype"] == "bf16"  # the recipe's engine


def test_knowledge_and_instruct_stages_in_the_report(tmp_path, monkeypatch, verified, tiny_model):
    """With knowledge and instruct in the suite: the data stage indexes the facts' corpus, RL runs a STEM
    phase on the `choice` questions and an instruct phase, and the eval asks each knowledge question
    closed-book and with retrieved passages; the report draws both tables and the per-domain headline."""
    cfg = tiny_recipe(tmp_path, tiny_model, "data.suite_size=48", "data.domains=[math, knowledge, instruct]",
                      "spectrum.stage2=false", "spectrum.fuse=false", "eval.models=[sft1,rl_last]", "eval.max_problems=9",
                      "eval.tts=[majority]", "tts.domains=[choice]", "rl.phases=[{name: stem, domains: [choice]}, {name: instruct, domains: [instruct]}]",
                      "spectrum.stage0_domains=[choice]", "spectrum.stage0_epochs=2", "sft.domain_weights={choice: 0.5}")
    run.run_recipe(cfg, progress=False)
    run_dir = tmp_path / "tiny"
    found = states(run_dir)
    # curriculum stage 0: the knowledge records alone (2 epochs, batch 32; stage 1's domain weights do not cut
    # them), then stage 1 from its model
    train = [json.loads(line) for line in Path(found["01-data"]["outputs"]["train"]).read_text().splitlines()]
    choice = sum(len(r["traces"]) for r in train if r["domain"] == "choice")
    stage0 = [json.loads(line) for line in (run_dir / "03-sft1" / "stage0" / "metrics.jsonl").read_text().splitlines()]
    assert choice > 0 and len(stage0) == 2 * -(-choice // 32)
    assert found["03-sft1"]["settings"]["spectrum"]["stage0_domains"] == ["choice"]
    from tinylogic.run_report import _curves, collect

    sft_curves, _ = _curves(collect(run_dir)["stages"])
    assert len(sft_curves["sft1 stage 0"]) == len(stage0) and sft_curves["sft1"][0][0] == len(stage0) + 1  # one axis
    index = found["01-data"]["outputs"]["index"]
    assert json.loads((Path(index) / "index.json").read_text())["passages"] == 20_000  # every built-in fact
    rl_phases = [Path(m).parent.name for m in found["10-rl"]["outputs"]["models"]]
    assert rl_phases == ["01-stem", "02-instruct"]
    assert list(found["12-eval"]["outputs"]["summaries"]) == ["sft1", "rl/02-instruct"]  # rl_last: the last phase
    summary = json.loads(Path(found["12-eval"]["outputs"]["summaries"]["rl/02-instruct"]).read_text())
    rows = [json.loads(line) for line in (run_dir / "12-eval" / "rl--02-instruct" / "samples.jsonl").open()]
    asked = [r for r in rows if r["domain"] == "choice"]
    closed = {r["problem_id"] for r in asked if not r.get("passage_ids")}
    retrieved = {r["problem_id"] for r in asked if r.get("passage_ids")}
    assert closed and retrieved == {f"{pid}@retrieval" for pid in closed}  # every question asked both ways
    assert all(len(r["passage_ids"]) == cfg.retrieval.k for r in asked if r["problem_id"] in retrieved)
    table = summary["reasoning_vs_knowledge"]
    assert table["knowledge closed-book"]["problems"] == table["knowledge with retrieval"]["problems"] == len(closed)
    assert summary["instruction_following"]["samples"] > 0
    # TTS apart on the knowledge questions asks them the same two ways (it asked them closed-book only)
    tts_dir = run_dir / "12-eval" / "rl--02-instruct--tts"
    apart = json.loads((tts_dir / "summary.json").read_text())["tts"]["per_problem"]
    tts_closed = {p["id"] for p in apart if not p["id"].endswith(RETRIEVAL_SUFFIX)}
    assert tts_closed and {p["id"] for p in apart} == tts_closed | {i + RETRIEVAL_SUFFIX for i in tts_closed}
    tts_rows = [json.loads(line) for line in (tts_dir / "samples.jsonl").open()]
    assert all(bool(r.get("passage_ids")) == r["problem_id"].endswith(RETRIEVAL_SUFFIX) for r in tts_rows)
    page = (run_dir / "report.html").read_text()
    assert "Reasoning vs knowledge" in page and "knowledge with retrieval" in page and "Instruction following" in page
    # seeds and sample counts with the numbers (sft1, the first model, asks the same problems n times)
    assert f"(temperature 1.0, top_p 0.95, seed {cfg.seed})" in page
    assert f"knowledge closed-book {table['knowledge closed-book']['samples']} ({len(closed)} problems)" in page
    head = json.loads((run_dir / "report.json").read_text())["headline"]
    assert set(head["pass@1_by_domain"]) == {"math", "choice", "instruct"}
    assert head["pass@1_by_domain"]["choice"]["rl"] == summary["by_domain"]["choice"]["pass@1"]


def test_stage0_without_records_of_its_domains_names_them(tmp_path, tiny_model):
    cfg = tiny_recipe(tmp_path, tiny_model, "spectrum.stage0_domains=[choice]")  # the suite has math and code only
    with pytest.raises(ValueError, match=r"stage0_domains \['choice'\]: no training record.*found: code, math"):
        run.run_recipe(cfg, progress=False)
    assert states(tmp_path / "tiny")["02-model"]["status"] == "done"


def test_sigterm_records_the_stopped_stage_and_writes_the_report(tmp_path, monkeypatch, verified, tiny_model):
    """A scheduler's SIGTERM mid-stage: the stage is recorded as stopped (not left `running`), earlier
    stages stay done, the report is written, and the previous SIGTERM handler is back afterwards."""
    import os
    import signal

    def terminated(ctx):
        os.kill(os.getpid(), signal.SIGTERM)
        raise AssertionError("SIGTERM did not stop the stage")

    monkeypatch.setattr(run, "STAGES", [dataclasses.replace(s, run=terminated) if s.name == "sft1" else s
                                        for s in run.STAGES])
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit, match="stopped by SIGTERM"):
        run.run_recipe(tiny_recipe(tmp_path, tiny_model), progress=False)
    found = states(tmp_path / "tiny")
    assert found["01-data"]["status"] == found["02-model"]["status"] == "done"
    assert found["03-sft1"]["status"] == "failed" and "stopped by SIGTERM" in found["03-sft1"]["error"]
    assert (tmp_path / "tiny" / "report.html").exists()
    assert signal.getsignal(signal.SIGTERM) == before


def test_own_training_questions_get_passages_from_retrieval_index(tmp_path, tiny_model):
    """data.train_files + retrieval.index: the file's multiple-choice questions are trained with the index's
    top-k passages (a row that already has passages keeps them; other domains get none); the built-in
    suite's rows are left as synthesised."""
    from tinylogic.data.loaders import load_problems, write_problems
    from tinylogic.data.schema import Problem
    from tinylogic.retrieval import build_index

    index = build_index([{"id": "p-otter", "text": "The otter is the emblem of Fenwick."},
                         {"id": "p-salt", "text": "Fenwick sells salt to the coast."},
                         {"id": "p-owl", "text": "Owls nest in the towers of Dunmor."}], tmp_path / "index")
    mine = [Problem(id="q1", domain="choice", prompt="Which animal is the emblem of Fenwick?",
                    choices=["otter", "owl"], answer="A"),
            Problem(id="q2", domain="choice", prompt="What does Fenwick sell?", choices=["salt", "tin"], answer="A",
                    meta={"passages": [{"id": "mine", "text": "Fenwick: salt."}]}),
            Problem(id="m1", domain="math", prompt="Compute 2 + 2.", answer="4")]
    write_problems(tmp_path / "mine.jsonl", mine)
    cfg = tiny_recipe(tmp_path / "runs", tiny_model, f"data.train_files=[{tmp_path / 'mine.jsonl'}]",
                      f"retrieval.index={index}", "retrieval.k=2")
    # through the view a run gives the stage: reading retrieval.domains here needs its declaration
    ctx = run_stages.Context(cfg=run_stages.RecipeView(cfg, "data", stage_named("data").reads), run_dir=tmp_path / "runs",
                      stage_dir=tmp_path / "data")
    ctx.stage_dir.mkdir()
    out = run_stages.data_stage(ctx)
    assert out["index"] == str(index)
    train = {p.id: p for p in load_problems(out["train"])}
    assert [x["id"] for x in train["q1"].meta["passages"]][0] == "p-otter" and len(train["q1"].meta["passages"]) == 2
    assert train["q2"].meta["passages"] == [{"id": "mine", "text": "Fenwick: salt."}]
    assert "passages" not in train["m1"].meta
    assert not any("passages" in p.meta for p in train.values() if p.id not in ("q1", "q2"))


def test_truncated_stage_model_is_run_again(tmp_path, monkeypatch, tiny_model):
    import io

    from rich.console import Console

    monkeypatch.setattr(run, "STAGES", [s for s in run.STAGES if s.name in ("data", "model", "sft1")])
    run.run_recipe(tiny_recipe(tmp_path, tiny_model), progress=False)
    sft1 = tmp_path / "tiny" / "03-sft1"
    weights = sft1 / "final" / "model.safetensors"
    written = weights.stat().st_size
    assert run.read_state(sft1)["model_files"]["model.safetensors"] == written
    weights.write_bytes(weights.read_bytes()[:100])
    forbid(monkeypatch, "data", "model")  # intact: still skipped
    log = io.StringIO()
    run.run_recipe(tiny_recipe(tmp_path, tiny_model), console=Console(file=log, width=1000), progress=False)
    assert f"03-sft1: done, but its model is damaged ({weights}: 100 bytes" in log.getvalue()
    assert weights.stat().st_size == written and run.read_state(sft1)["status"] == "done"


@pytest.mark.slow
def test_two_processes_run_every_stage_within_a_short_timeout(tmp_path, tiny_model):
    # under accelerate launch (gloo), with a process-group timeout far below the default: a process left
    # idle at a barrier through a whole sampling stage would fail the run. Sampling is sharded, so the
    # base model's evaluation is the one process's, sample for sample.
    sets = tiny_settings(tmp_path / "runs", tiny_model, "run.distill=false", "eval.models=[base,sft1,fuse2,rl_last]",
                         "distributed.timeout=60")
    cli = str(Path(sys.executable).with_name("tinylogic"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RANK", "WORLD_SIZE", "LOCAL_RANK"))}
    recipe = tmp_path / "tiny.yaml"
    recipe.write_text("name: tiny\n")  # the defaults, then the toy sizes below
    args = ["run", str(recipe), *(x for s in sets for x in ("--set", s))]
    one = subprocess.run([cli, *args, "--set", "name=one"], env=env, capture_output=True, text=True, timeout=600)
    assert one.returncode == 0, one.stderr[-3000:]
    launch = [str(Path(sys.executable).with_name("accelerate")), "launch", "--multi_gpu", "--num_processes", "2",
              "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", cli]
    two = subprocess.run([*launch, *args, "--set", "name=two"], env=env, capture_output=True, text=True, timeout=900)
    assert two.returncode == 0, two.stderr[-3000:]
    found = {name: states(tmp_path / "runs" / name) for name in ("one", "two")}
    assert all(s["status"] == "done" for s in found["two"].values())
    summaries = {name: found[name]["12-eval"]["outputs"]["summaries"] for name in found}
    assert list(summaries["two"]) == ["base", "sft1", "fuse2", "rl/02-code"]
    base = {name: (Path(summaries[name]["base"]).parent / "samples.jsonl").read_text() for name in found}
    assert [json.loads(line)["response"] for line in base["one"].splitlines()] == \
        [json.loads(line)["response"] for line in base["two"].splitlines()]


def test_a_full_disk_during_a_stage_is_one_line_and_recorded(tmp_path, monkeypatch, tiny_model):
    # issue #22 item 5: `tinylogic run` on a full disk. sft1's first checkpoint write fails as torch reports
    # it ("inline_container.cc:672 unexpected pos"); the run stops with one line naming the checkpoint
    from collections import namedtuple

    from typer.testing import CliRunner

    import tinylogic.train.checkpoints as checkpoints_mod
    from tinylogic.cli import app

    def save(obj, path, *a, **k):
        raise RuntimeError("[enforce fail at inline_container.cc:672] . unexpected pos 64 vs 0")

    monkeypatch.setattr(run, "STAGES", [s for s in run.STAGES if s.name in ("data", "model", "sft1")])
    monkeypatch.setattr(checkpoints_mod.torch, "save", save)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: namedtuple("usage", "total used free")(1 << 40, 1 << 40, 0))
    recipe = tmp_path / "tiny.yaml"
    recipe.write_text("name: tiny\n")
    sets = tiny_settings(tmp_path, tiny_model)
    result = CliRunner().invoke(app, ["run", str(recipe), *(x for s in sets for x in ("--set", s))])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    error = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(error) == 1 and "no space left on device writing the checkpoint" in error[0], result.output
    assert "03-sft1" in error[0] and "inline_container" not in result.output
    assert run.read_state(tmp_path / "tiny" / "03-sft1")["status"] == "failed"
