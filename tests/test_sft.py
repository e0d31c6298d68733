"""SFT: completion-only masking, packing without leaks, exact resume, atomic checkpoints, 2 processes."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, AutoTokenizer

from tinylogic.config import SFTConfig
from tinylogic.train.checkpoints import MANIFEST, STATE_FILE, latest_checkpoint
from tinylogic.train.sft import (
    IGNORE,
    domain_weighted,
    encode_example,
    pack,
    row_loss_sum,
    stack_rows,
    train_sft,
)


def _records(k: int = 48) -> list[dict]:
    return [{"prompt": f"Compute {a} + {a % 7}.", "completion": f"{a} + {a % 7} = {a + a % 7}. \\boxed{{{a + a % 7}}}"}
            for a in range(k)]


def _cfg(**kw) -> SFTConfig:
    base = dict(epochs=2, global_batch_size=16, learning_rate=3e-3, warmup_ratio=0.1, pack_tokens=128,
                micro_batch_rows=2)
    return SFTConfig(**(base | kw))


def _weights(folder: Path) -> dict[str, torch.Tensor]:
    return load_file(str(folder / "model.safetensors"))


def test_loss_only_on_completion(tiny_model):
    tok = AutoTokenizer.from_pretrained(tiny_model)
    ex = encode_example(tok, "Compute 2 + 3.", "2 + 3 = 5. \\boxed{5}")
    supervised = [i for i, lab in zip(ex["input_ids"], ex["labels"], strict=True) if lab != IGNORE]
    assert tok.decode(supervised) == "2 + 3 = 5. \\boxed{5}<|im_end|>"
    prompt_ids = tok.apply_chat_template([{"role": "user", "content": "Compute 2 + 3."}],
                                         add_generation_prompt=True, tokenize=True)
    prompt_ids = prompt_ids["input_ids"] if hasattr(prompt_ids, "keys") else prompt_ids
    assert ex["input_ids"][: len(prompt_ids)] == list(prompt_ids)
    assert all(lab == IGNORE for lab in ex["labels"][: len(prompt_ids)])


@pytest.mark.parametrize("attn_implementation", ["sdpa", "eager"])
def test_packed_row_equals_separate_examples(tiny_model, attn_implementation):
    # the block-diagonal mask from restarting position_ids, under either attention kernel
    tok = AutoTokenizer.from_pretrained(tiny_model)
    model = AutoModelForCausalLM.from_pretrained(tiny_model, attn_implementation=attn_implementation).eval()
    examples = [encode_example(tok, r["prompt"], r["completion"]) for r in _records(5)]
    packed = pack(examples, 4096)
    assert len(packed) == 1
    with torch.no_grad():
        packed_loss, packed_tokens = row_loss_sum(model, packed[0])
        separate = [row_loss_sum(model, row) for row in pack(examples, 1)]  # one example per row
        stacked_loss, stacked_tokens = row_loss_sum(model, stack_rows(pack(examples, 60)))  # rows of unequal length
    assert packed_tokens == sum(n for _, n in separate) == stacked_tokens
    assert packed_loss.item() == pytest.approx(sum(loss.item() for loss, _ in separate), rel=1e-5)
    assert stacked_loss.item() == pytest.approx(packed_loss.item(), rel=1e-5)


def test_resume_after_interruption_matches_uninterrupted(tiny_model, tmp_path):
    records = _records()
    full = train_sft(tiny_model, records, tmp_path / "full", _cfg(save_every=2), progress=False)
    # Interrupted after step 4 (checkpoint at 4), then a crash mid-write of the next checkpoint.
    train_sft(tiny_model, records, tmp_path / "cut", _cfg(save_every=2), progress=False, stop_after_steps=5)
    ckpts = tmp_path / "cut" / "checkpoints"
    shutil.copytree(ckpts / "step-000004", ckpts / ".step-000006.tmp")
    (ckpts / ".step-000006.tmp" / "model.safetensors").write_bytes(b"truncated")
    assert latest_checkpoint(tmp_path / "cut").name == "step-000004"
    AutoModelForCausalLM.from_pretrained(latest_checkpoint(tmp_path / "cut"))  # still loadable
    resumed = train_sft(tiny_model, records, tmp_path / "cut", _cfg(save_every=2), progress=False)
    a, b = _weights(full), _weights(resumed)
    assert a.keys() == b.keys()
    for name in a:
        torch.testing.assert_close(a[name], b[name], rtol=0, atol=0)
    assert not torch.equal(_weights(tiny_model)["model.embed_tokens.weight"], a["model.embed_tokens.weight"])
    for run in ("full", "cut"):  # the cut run logged step 5 before stopping: resumed at 4, it is logged once
        steps = [json.loads(line)["step"] for line in (tmp_path / run / "metrics.jsonl").read_text().splitlines()]
        assert steps == list(range(1, 7))  # 48 examples / 16 per step * 2 epochs
    # a step checkpoint carries the optimizer; the finished model only its step (AdamW's moments are 2x the
    # weights, and nothing resumes from a finished run)
    assert "optimizer" in torch.load(ckpts / "step-000004" / STATE_FILE, weights_only=False)
    final_state = torch.load(full / STATE_FILE, weights_only=False)
    assert final_state["step"] == 6 and "optimizer" not in final_state


def test_loss_goes_down(tiny_model, tmp_path):
    train_sft(tiny_model, _records(), tmp_path / "run", _cfg(epochs=6), progress=False)
    losses = [json.loads(line)["loss"] for line in (tmp_path / "run" / "metrics.jsonl").read_text().splitlines()]
    assert losses[-1] < 0.8 * losses[0]


def test_stages_of_one_process_may_choose_different_precisions(tiny_model, tmp_path):
    # `tinylogic run` trains every stage in one process, and accelerate keeps one precision per process:
    # sft.bf16 on with rl.bf16 auto on a CPU once failed when RL began ("AcceleratorState has already been
    # initialized"). Each stage must get its own precision: fp32 again after bf16 trains as fp32 did.
    cfg = _cfg(epochs=1)
    for name, bf16 in (("fp32", "off"), ("bf16", "on"), ("fp32_again", "off")):
        train_sft(tiny_model, _records(32), tmp_path / name, cfg.model_copy(update={"bf16": bf16}), progress=False)
    fp32, bf16, again = (_weights(tmp_path / name / "final") for name in ("fp32", "bf16", "fp32_again"))
    assert all(torch.equal(fp32[k], again[k]) for k in fp32)
    assert any(not torch.allclose(fp32[k], bf16[k], atol=1e-6) for k in fp32)  # autocast was on in between


@pytest.mark.parametrize("setting", [{"activation_checkpointing": True}, {"loss_chunk_tokens": 0}])
def test_memory_settings_train_the_same_weights(tiny_model, tmp_path, setting):
    # recomputing activations, or one chunk for the whole loss: the same training
    cfg = _cfg(epochs=1, loss_chunk_tokens=16)
    train_sft(tiny_model, _records(32), tmp_path / "plain", cfg, progress=False)
    train_sft(tiny_model, _records(32), tmp_path / "set", cfg.model_copy(update=setting), progress=False)
    plain, changed = _weights(tmp_path / "plain" / "final"), _weights(tmp_path / "set" / "final")
    start = load_file(str(Path(tiny_model) / "model.safetensors"))
    assert any(not torch.equal(plain[k], start[k]) for k in start)  # it trained
    assert all(torch.allclose(plain[k], changed[k], atol=1e-5) for k in plain)


def test_domain_weights_repeat_records_by_domain():
    records = [{"domain": "math"}] * 200 + [{"domain": "choice"}] * 200 + [{}] * 10
    picked = domain_weighted(records, {"choice": 2.5, "math": 0}, seed=0)
    counts = [picked.count(i) for i in range(len(records))]
    assert counts[:200] == [0] * 200  # weight 0 drops the domain
    assert set(counts[200:400]) == {2, 3} and 70 < counts[200:400].count(3) < 130  # 2.5: twice, half a third time
    assert counts[400:] == [1] * 10  # no domain: once
    assert picked == domain_weighted(records, {"choice": 2.5, "math": 0}, seed=0)
    assert picked != domain_weighted(records, {"choice": 2.5, "math": 0}, seed=1)
    assert domain_weighted(records, {}, seed=0) == list(range(len(records)))
    with pytest.raises(ValueError, match="domain_weights"):
        domain_weighted(records, {"choice": -1}, seed=0)


def test_domain_weights_set_the_steps_of_an_epoch(tiny_model, tmp_path):
    records = [r | {"domain": "math"} for r in _records(32)] + [r | {"domain": "code"} for r in _records(16)]
    train_sft(tiny_model, records, tmp_path / "run", _cfg(epochs=1, domain_weights={"code": 3}), progress=False)
    rows = [json.loads(line) for line in (tmp_path / "run" / "metrics.jsonl").read_text().splitlines()]
    assert len(rows) == (32 + 3 * 16) // 16  # 80 examples per epoch, 16 per step


@pytest.mark.slow
def test_two_processes_on_gloo_match_one(tiny_model, tmp_path):
    data = tmp_path / "records.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in _records()))
    args = ["sft", "--model", str(tiny_model), "--data", str(data), "--set", "sft.epochs=1",
            "--set", "sft.global_batch_size=16", "--set", "sft.learning_rate=3e-3", "--set", "sft.pack_tokens=128"]
    cli = str(Path(sys.executable).with_name("tinylogic"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RANK", "WORLD_SIZE", "LOCAL_RANK"))}
    subprocess.run([cli, *args, "--out", str(tmp_path / "one")], check=True, env=env, capture_output=True)
    launch = [str(Path(sys.executable).with_name("accelerate")), "launch", "--multi_gpu", "--num_processes", "2",
              "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no", cli]
    done = subprocess.run([*launch, *args, "--out", str(tmp_path / "two")], env=env, capture_output=True, text=True,
                          timeout=600)  # a hung process group fails the test instead of stalling CI
    assert done.returncode == 0, done.stderr[-3000:]
    a, b = _weights(tmp_path / "one" / "final"), _weights(tmp_path / "two" / "final")
    start = load_file(str(Path(tiny_model) / "model.safetensors"))
    moved = sum(float((a[k] - start[k]).norm() ** 2) for k in a) ** 0.5
    apart = sum(float((a[k] - b[k]).norm() ** 2) for k in a) ** 0.5
    # float sums differ in order across processes, and Adam turns that into a full lr-sized step on a
    # near-zero gradient, so one weight may differ by ~lr; the two runs must still agree on where training went
    assert moved > 0.1 and apart < 1e-3 * moved, (moved, apart)


def test_damaged_newest_checkpoint_falls_back_to_the_one_before(tiny_model, tmp_path, capsys):
    records = _records()
    full = _weights(train_sft(tiny_model, records, tmp_path / "full", _cfg(save_every=2), progress=False))
    for damaged in ("model.safetensors", STATE_FILE):
        out = tmp_path / damaged
        train_sft(tiny_model, records, out, _cfg(save_every=2), progress=False, stop_after_steps=5)  # saved 2, 4
        newest = out / "checkpoints" / "step-000004"
        if damaged == STATE_FILE:
            (newest / MANIFEST).unlink()  # as written before manifests: the file itself must show the damage
        path = newest / damaged
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        capsys.readouterr()
        resumed = _weights(train_sft(tiny_model, records, out, _cfg(save_every=2), progress=False))
        log = capsys.readouterr().out
        assert f"{path}: " in log and f"resuming from {out / 'checkpoints' / 'step-000002'}" in log
        for name in full:  # resumed at step 2: the same weights as the uninterrupted run
            torch.testing.assert_close(full[name], resumed[name], rtol=0, atol=0)
    # nothing left to resume from: one error naming every damaged file, not a silent retrain from the base model
    older = out / "checkpoints" / "step-000002" / STATE_FILE
    for file in (path, older):  # the resumed run wrote step 4 afresh: damage it again
        file.write_bytes(b"")
    with pytest.raises(ValueError, match="no checkpoint") as err:
        latest_checkpoint(out, warn=lambda _: None)
    assert str(path) in str(err.value) and str(older) in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("kind,name", [("FSDP", "FSDP1"), ("DEEPSPEED", "DEEPSPEED")])
def test_fsdp1_and_deepspeed_are_refused_with_a_clear_error(kind, name):
    from types import SimpleNamespace

    from accelerate.utils import DistributedType

    from tinylogic.train.checkpoints import refuse_sharding

    with pytest.raises(ValueError, match=f"{name} is not supported.*fsdp_version: 2"):
        refuse_sharding(SimpleNamespace(distributed_type=DistributedType[kind], is_fsdp2=False))
    for fine in ("NO", "MULTI_CPU", "MULTI_GPU"):
        refuse_sharding(SimpleNamespace(distributed_type=DistributedType[fine], is_fsdp2=False))
    refuse_sharding(SimpleNamespace(distributed_type=DistributedType.FSDP, is_fsdp2=True))


def test_a_full_disk_names_the_checkpoint_and_keeps_the_earlier_one(tiny_model, tmp_path, monkeypatch):
    import shutil as shutil_mod
    from collections import namedtuple

    import tinylogic.train.checkpoints as checkpoints_mod

    real_save, calls = torch.save, []

    def save(obj, path, *a, **k):  # the second checkpoint's trainer state hits a full disk, as torch says it
        calls.append(path)
        if len(calls) == 2:
            raise RuntimeError("[enforce fail at inline_container.cc:672] . unexpected pos 64 vs 0")
        return real_save(obj, path, *a, **k)

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(checkpoints_mod.torch, "save", save)
    monkeypatch.setattr(shutil_mod, "disk_usage", lambda path: usage(1 << 40, 1 << 40, 0))
    with pytest.raises(checkpoints_mod.DiskFull, match=r"no space left on device writing the checkpoint .*step-000004"):
        train_sft(tiny_model, _records(), tmp_path / "run", _cfg(save_every=2), progress=False)
    checkpoints = sorted(p.name for p in (tmp_path / "run" / "checkpoints").iterdir())
    assert checkpoints == ["step-000002"]  # the partial write is gone, the earlier checkpoint stays
    assert checkpoints_mod.checkpoint_problem(tmp_path / "run" / "checkpoints" / "step-000002") is None
    monkeypatch.setattr(checkpoints_mod.torch, "save", real_save)
    data = tmp_path / "records.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in _records()))
    from typer.testing import CliRunner

    from tinylogic.cli import app

    calls.clear()
    monkeypatch.setattr(checkpoints_mod.torch, "save", save)
    result = CliRunner().invoke(app, ["sft", "--model", str(tiny_model), "--data", str(data), "--out",
                                      str(tmp_path / "cli"), "--set", "sft.save_every=2", "--set", "sft.epochs=2",
                                      "--set", "sft.global_batch_size=16"])
    assert result.exit_code == 2 and "no space left on device" in result.output and "Traceback" not in result.output


def test_examples_longer_than_a_row_are_cut_with_a_warning(tiny_model, tmp_path, capsys):
    # a silent cut once dropped a third of the pretraining articles' restated facts (their ends)
    long = [{"prompt": "Repeat.", "completion": " ".join(["seven"] * 200)}]
    train_sft(tiny_model, _records(16) + long, tmp_path / "a", _cfg(epochs=1), progress=False)
    assert "1 of 17 examples are longer than 128 tokens" in capsys.readouterr().out
    train_sft(tiny_model, _records(16), tmp_path / "b", _cfg(epochs=1), progress=False)
    assert "longer than" not in capsys.readouterr().out
