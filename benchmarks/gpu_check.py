"""The GPU check of issue #18 (item 5): SFT and RL steps of real Qwen2.5 sizes, measured on one GPU.

For a random-init Qwen2.5-0.5B and Qwen2.5-3B (their published shapes, built here: nothing is downloaded)
and each packed row length (8K and 32K tokens), it runs tinylogic's own SFT trainer (`train_sft`) for a
few optimizer steps, one packed row per step, with bf16 autocast, sdpa attention (flash_attention_2 where
the flash-attn package imports) and activation checkpointing, and TRL's `SFTTrainer` beside it on the same
model, tokens and settings. Then one RL phase of two steps (`train_rl_phase`) on the 0.5B model. It prints
a markdown table and writes it, with the raw figures as JSON, to --out.

What each column is:
  tokens/s   tokens fed per second of optimizer-step time, the first step (warm-up) left out. tinylogic's
             step time is its own per-step `seconds` (packing + forward/backward + optimizer, synchronised
             by its loss read-back); TRL's is the interval between `on_step_end` callbacks, with a
             torch.cuda.synchronize() in each (adds data loading and its logging).
  peak GiB   torch.cuda.max_memory_allocated() of the case's own process (each case runs in a fresh one).
  MFU        model FLOPs per token x tokens/s / 790e12 (the dense bf16 rate measured on an H200 of this
             workplace; the datasheet says ~989e12). Model FLOPs per trained token:
                 6·N + 6·n_layers·d_model·s
             N: the parameters, the (tied) embedding counted once, since it is the LM head's matrix and that
             matmul runs at every position; 6 = 2 forward + 4 backward. 6·n_layers·d_model·s: attention
             scores and values (QKᵀ and AV, 4·s·d forward per token per layer, x3 with backward = 12·s·d),
             halved for causal masking; s is the example length, since packed examples attend only within
             themselves. Activation checkpointing's recomputed forward is not counted (model FLOPs, not
             hardware FLOPs), and neither is the LM head work tinylogic skips on prompt positions: the same
             formula for both contenders, so MFU ratios equal tokens/s ratios.
  RL         one rollout batch (prompts x G samples, up to --rl-max-new-tokens each) and its update, as
             train_rl_phase's metrics split it: generate_s (sampling), train_s (log-probs + loss + optimizer);
             the first step is warm-up. Random weights rarely emit an end token, so samples run to the
             limit; the reward is a seeded coin flip (the verifiers are not what is timed), so every group
             has signal and trains.

Data: random-init models of vocabulary 151,936 (all logits computed and scored over it) read token ids from
tinylogic's built-in byte-level BPE tokenizer (1,024 entries; a real Qwen tokenizer would need a download).
Records are prompts (1/8) and completions of single-token words, --example-tokens each, so each optimizer
step is exactly one packed row of the asked length for both trainers; TRL gets the very token ids and loss
mask tinylogic encodes (pre-tokenized `input_ids` + `completion_mask`, padding_free=True, one row per step).

Each case runs in its own subprocess under --budget-seconds (and within --total-budget-seconds for the
whole check); an out-of-memory, an error or a timeout becomes the case's table cell, never the end of the
check. `--smoke` runs the same code with a 2-layer, 64-wide model (vocabulary 4,096) and 256/512-token rows
on whatever device is there (the CPU here: memory and MFU then read "n/a on CPU").

    python benchmarks/gpu_check.py                 # the real check (scripts/gpu_check.sh runs it on a GPU)
    python benchmarks/gpu_check.py --smoke         # ~1 minute on 2 CPU cores
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

H200_BF16_FLOPS = 790e12  # measured 769-798 TFLOP/s on an 8192³ bf16 matmul here (datasheet: ~989)
VOCAB = 151_936  # Qwen2.5's embedding rows (its tokenizer has 151,665 entries)

# Published Qwen2.5 configs (config.json of Qwen/Qwen2.5-0.5B and Qwen/Qwen2.5-3B); both tie embeddings.
MODELS: dict[str, dict] = {
    "qwen2.5-0.5b": {"hidden_size": 896, "intermediate_size": 4864, "num_hidden_layers": 24,
                     "num_attention_heads": 14, "num_key_value_heads": 2},
    "qwen2.5-3b": {"hidden_size": 2048, "intermediate_size": 11008, "num_hidden_layers": 36,
                   "num_attention_heads": 16, "num_key_value_heads": 2},
    # --smoke: the same architecture, small enough for 2 CPU cores (a 4,096-row vocabulary: the full one
    # makes the LM head and AdamW of a 2-layer model the whole step)
    "smoke": {"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2, "num_attention_heads": 4,
              "num_key_value_heads": 2, "vocab_size": 4096},
}
LABELS = {"qwen2.5-0.5b": "Qwen2.5-0.5B", "qwen2.5-3b": "Qwen2.5-3B", "smoke": "smoke (2 layers, d=64, vocab 4,096)"}

DEFAULTS = {"models": ["qwen2.5-0.5b", "qwen2.5-3b"], "lengths": [8192, 32768], "example_tokens": 2048,
            "steps": 3, "rl_model": "qwen2.5-0.5b", "rl_prompts": 8, "rl_group": 8, "rl_max_new_tokens": 512,
            "rl_steps": 2, "budget_seconds": 150, "total_budget_seconds": 420}
SMOKE = {"models": ["smoke"], "lengths": [256, 512], "example_tokens": 128, "steps": 3, "rl_model": "smoke",
         "rl_prompts": 2, "rl_group": 4, "rl_max_new_tokens": 16, "rl_steps": 2, "budget_seconds": 60,
         "total_budget_seconds": 240}
LR = 1e-5
SEED = 0


# ---------------------------------------------------------------- model and data (in the workers)


def device_name() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def attention_implementation(requested: str) -> str:
    """flash_attention_2 runs packed rows as varlen attention; without the flash-attn package, sdpa (which
    transformers gives a block-diagonal mask for packed rows, computed over the whole row)."""
    import importlib.util

    if requested != "auto":
        return requested
    if device_name() == "cuda" and importlib.util.find_spec("flash_attn") is not None:
        return "flash_attention_2"
    return "sdpa"


def build_model(model: str, out: Path) -> dict:
    """A random-init Qwen2.5-shaped model and tinylogic's tokenizer in a save_pretrained folder (bf16 on a
    GPU, where it is initialised directly: a CPU init of 3B parameters takes minutes)."""
    import torch
    from transformers import GenerationConfig, Qwen2Config, Qwen2ForCausalLM

    from tinylogic.models import EOS, IM_END, build_tokenizer, quiet_loading

    tokenizer = build_tokenizer()
    eos, im_end = tokenizer.convert_tokens_to_ids(EOS), tokenizer.convert_tokens_to_ids(IM_END)
    shape = {"vocab_size": VOCAB, **MODELS[model]}
    config = Qwen2Config(tie_word_embeddings=True, rms_norm_eps=1e-6,
                         max_position_embeddings=32768, use_sliding_window=False,
                         rope_parameters={"rope_type": "default", "rope_theta": 1_000_000.0},
                         bos_token_id=eos, eos_token_id=eos, pad_token_id=eos, **shape)
    torch.manual_seed(SEED)
    dev = device_name()
    with torch.device(dev):
        net = Qwen2ForCausalLM(config)
    net.generation_config = GenerationConfig(bos_token_id=eos, eos_token_id=[im_end, eos], pad_token_id=eos)
    if dev == "cuda":
        net = net.to(torch.bfloat16)  # half the bytes to write and read; the trainers load it as fp32
    params = sum(p.numel() for p in net.parameters())  # tied embedding counted once
    with quiet_loading():
        net.save_pretrained(out)
        tokenizer.save_pretrained(out)
    return {"params": params, "layers": config.num_hidden_layers, "hidden": config.hidden_size,
            "saved_dtype": str(net.dtype).removeprefix("torch.")}


def single_token_words(tokenizer) -> list[str]:
    """Vocabulary entries ' word' that encode to exactly one token on their own: a text of n of them is n
    tokens (Qwen2's pre-tokenizer splits at each space-word, so neighbours never merge)."""
    words = []
    for piece in sorted(tokenizer.get_vocab()):
        if not piece.startswith("Ġ") or len(piece) < 3:
            continue
        text = tokenizer.convert_tokens_to_string([piece])
        if text[1:].isalpha() and len(tokenizer(text, add_special_tokens=False)["input_ids"]) == 1:
            words.append(text)
    if len(words) < 20:
        raise RuntimeError(f"only {len(words)} single-token words in the tokenizer: cannot build exact-length records")
    return words


def make_records(tokenizer, n: int, example_tokens: int, seed: int = SEED) -> list[dict]:
    """n {prompt, completion} records of exactly `example_tokens` tokens each as tinylogic encodes them
    (chat template + prompt, completion + end-of-turn), the prompt 1/8 of it; checked, not assumed."""
    from tinylogic.train.sft import encode_examples

    words = single_token_words(tokenizer)
    overhead = len(encode_examples(tokenizer, [{"prompt": "", "completion": ""}])[0]["input_ids"])
    rng = random.Random(seed)
    prompt_len = max(1, example_tokens // 8)
    completion_len = example_tokens - overhead - prompt_len
    if completion_len < 1:
        raise ValueError(f"--example-tokens {example_tokens} is too short for the chat template ({overhead} tokens)")
    records = [{"prompt": "".join(rng.choices(words, k=prompt_len)),
                "completion": "".join(rng.choices(words, k=completion_len))} for _ in range(n)]
    lengths = {len(e["input_ids"]) for e in encode_examples(tokenizer, records)}
    if lengths != {example_tokens}:
        raise RuntimeError(f"records encode to {sorted(lengths)} tokens, not {example_tokens}")
    return records


class PeakMemory:
    """Polls torch.cuda.max_memory_allocated() into a file twice a second, so a case killed at its time
    budget still reports the peak it had reached."""

    def __init__(self, path: Path):
        import torch

        self.path, self.on = path, torch.cuda.is_available()
        self.stop = threading.Event()
        if self.on:
            torch.cuda.reset_peak_memory_stats()
            threading.Thread(target=self._loop, daemon=True).start()

    def read(self) -> float | None:
        import torch

        return torch.cuda.max_memory_allocated() / 2**30 if self.on else None

    def _loop(self) -> None:
        while not self.stop.wait(0.5):
            self.path.write_text(json.dumps({"peak_gib": self.read()}))


# ---------------------------------------------------------------- the cases (one per worker process)


def run_build(case: dict, out: Path) -> dict:
    t0 = time.perf_counter()
    info = build_model(case["model"], Path(case["model_dir"]))
    return info | {"seconds": round(time.perf_counter() - t0, 1)}


def run_tinylogic_sft(case: dict, out: Path) -> dict:
    from transformers import AutoTokenizer

    from tinylogic.config import SFTConfig
    from tinylogic.train.sft import train_sft

    per_row = case["length"] // case["example_tokens"]
    tokenizer = AutoTokenizer.from_pretrained(case["model_dir"])
    # one more step's records than are run: train_sft then stops "as if interrupted" (stop_after_steps)
    # instead of writing a final fp32 model that would take longer than the steps
    records = make_records(tokenizer, (case["steps"] + 1) * per_row, case["example_tokens"])
    cfg = SFTConfig(epochs=1, pack_tokens=case["length"], global_batch_size=per_row, micro_batch_rows=1,
                    bf16="on", attn_implementation=case["attn"], activation_checkpointing=True, learning_rate=LR,
                    min_learning_rate=0.0, warmup_ratio=0.0, save_every=0, log_every=1)
    train_sft(case["model_dir"], records, out / "run", cfg, seed=SEED, resume=False, progress=False,
              stop_after_steps=case["steps"])
    return {"steps_detail": read_steps(out)}


def read_steps(out: Path) -> list[dict]:
    path = out / "run" / "metrics.jsonl"
    if not path.exists():
        return []
    return [{"tokens": r["tokens"], "seconds": r["seconds"], "loss": r["loss"]}
            for r in map(json.loads, path.read_text().splitlines())]


def run_trl_sft(case: dict, out: Path) -> dict:
    import torch
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback
    from trl import SFTConfig, SFTTrainer

    from tinylogic.train.logprobs import IGNORE
    from tinylogic.train.sft import encode_examples

    per_row = case["length"] // case["example_tokens"]
    tokenizer = AutoTokenizer.from_pretrained(case["model_dir"])
    records = make_records(tokenizer, (case["steps"] + 1) * per_row, case["example_tokens"])
    # the token ids and loss mask tinylogic trains on, handed over pre-tokenized
    examples = encode_examples(tokenizer, records)  # make_records: exactly example_tokens each
    data = Dataset.from_list([{"input_ids": e["input_ids"],
                               "completion_mask": [int(label != IGNORE) for label in e["labels"]]} for e in examples])
    torch.manual_seed(SEED)
    model = AutoModelForCausalLM.from_pretrained(case["model_dir"], dtype=torch.float32,
                                                 attn_implementation=case["attn"])
    cuda = torch.cuda.is_available()
    args = SFTConfig(
        output_dir=str(out / "trl"), max_steps=case["steps"], per_device_train_batch_size=per_row,
        gradient_accumulation_steps=1, learning_rate=LR, lr_scheduler_type="constant", warmup_steps=0,
        weight_decay=0.0, max_grad_norm=1.0, seed=SEED, bf16=True, gradient_checkpointing=True,
        gradient_checkpointing_kwargs={"use_reentrant": False},
        # padding-free: each step's examples flattened into one row with restarting position_ids, as ours
        padding_free=True, packing=False, max_length=None, completion_only_loss=True,
        report_to="none", save_strategy="no", eval_strategy="no", logging_steps=10_000, disable_tqdm=True,
        dataloader_num_workers=0, use_cpu=not cuda)
    steps_path = out / "run" / "metrics.jsonl"
    steps_path.parent.mkdir(parents=True, exist_ok=True)
    pending = {"tokens": 0}

    class Counting(SFTTrainer):
        def compute_loss(self, model, inputs, *rest, **kwargs):
            ids = inputs["position_ids"] if "position_ids" in inputs else inputs["input_ids"]
            pending["tokens"] += ids.numel()  # shape only: no device sync
            return super().compute_loss(model, inputs, *rest, **kwargs)

    class StepClock(TrainerCallback):
        last = None

        def on_step_begin(self, *_, **__):
            if self.last is None:
                self.last = time.perf_counter()

        def on_step_end(self, *_, **__):
            if cuda:
                torch.cuda.synchronize()  # the step's kernels are done, not just queued
            now = time.perf_counter()
            with steps_path.open("a") as f:  # per step, so a case killed at its budget keeps its steps
                f.write(json.dumps({"tokens": pending["tokens"], "seconds": now - self.last, "loss": None}) + "\n")
            self.last, pending["tokens"] = now, 0

    trainer = Counting(model=model, args=args, train_dataset=data, processing_class=tokenizer,
                       callbacks=[StepClock()])
    trainer.train()
    return {"steps_detail": read_steps(out), "optim": getattr(args.optim, "value", str(args.optim)),
            "attn_used": model.config._attn_implementation}


def run_tinylogic_rl(case: dict, out: Path) -> dict:
    from tinylogic.config import RLConfig
    from tinylogic.data.suite import synthesize
    from tinylogic.train.rl import train_rl_phase
    from tinylogic.verify.base import Verdict

    problems = [p for p in synthesize(64, seed=SEED, domains=["math"]) if p.split == "train"]
    coin = random.Random(SEED)

    def coin_flip(items):  # the reward: random but seeded, so groups have signal and the update runs
        return [Verdict(correct=(c := coin.random() < 0.5), reward=float(c)) for _ in items]

    cfg = RLConfig(group_size=case["group"], prompts_per_step=case["prompts"], steps=case["steps"] + 1,
                   max_new_tokens=case["max_new_tokens"], pass_rate_filter=False, report_to="none", bf16="on",
                   activation_checkpointing=True, attn_implementation=case["attn"],
                   engine_batch_size=case["prompts"] * case["group"], learning_rate=1e-6, save_every=0)
    train_rl_phase(case["model_dir"], problems, out / "run", cfg, seed=SEED, reward_fn=coin_flip, resume=False,
                   progress=False, stop_after_steps=case["steps"])
    path = out / "run" / "metrics.jsonl"
    keep = ("generate_s", "verify_wait_s", "train_s", "response_len_mean", "trained_tokens", "truncated")
    rows = [{k: r[k] for k in keep} for r in map(json.loads, path.read_text().splitlines())] if path.exists() else []
    return {"steps_detail": rows}


RUNNERS = {"build": run_build, "tinylogic_sft": run_tinylogic_sft, "trl_sft": run_trl_sft,
           "tinylogic_rl": run_tinylogic_rl}


def worker(case_path: Path) -> None:
    """One case in this process: result.json beside the case file, whatever happens."""
    import torch

    case = json.loads(case_path.read_text())
    out = case_path.parent
    memory = PeakMemory(out / "memory.json")
    result: dict = {}
    try:
        result = RUNNERS[case["kind"]](case, out)
    except Exception as exc:  # noqa: BLE001 -- any failure is this case's result, not the check's end
        traceback.print_exc()
        first = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
        # an OOM can arrive wrapped (accelerate, a checkpointed backward): recognise it by its message too
        oom = isinstance(exc, torch.OutOfMemoryError) or "out of memory" in str(exc).lower()
        result = {"error": "out of memory" if oom else f"{type(exc).__name__}: {first}", "detail": first,
                  "steps_detail": read_steps(out) if case["kind"] != "build" else []}
    memory.stop.set()
    result["peak_gib"] = memory.read()
    if torch.cuda.is_available():  # the allocator's cache on top of the tensors: what the GPU had to hold
        result["peak_reserved_gib"] = torch.cuda.max_memory_reserved() / 2**30
    (out / "result.json").write_text(json.dumps(result))


# ---------------------------------------------------------------- the driver


def plan(args) -> list[dict]:
    """Cases in the order they run: most informative first, so a spent total budget drops the 3B-at-32K
    TRL run, not the 0.5B table."""
    cases = []
    for model in args.models:
        model_dir = str(Path(args.work) / f"model-{model}")
        cases.append({"kind": "build", "model": model, "model_dir": model_dir})
        for length in args.lengths:
            if length % args.example_tokens:
                raise SystemExit(f"--lengths: {length} is not a multiple of --example-tokens {args.example_tokens}")
            for kind in ("tinylogic_sft", "trl_sft"):
                cases.append({"kind": kind, "model": model, "model_dir": model_dir, "length": length,
                              "example_tokens": args.example_tokens, "steps": args.steps, "attn": args.attn})
        if model == args.rl_model and not args.skip_rl:
            cases.append({"kind": "tinylogic_rl", "model": model, "model_dir": model_dir, "attn": args.attn,
                          "prompts": args.rl_prompts, "group": args.rl_group,
                          "max_new_tokens": args.rl_max_new_tokens, "steps": args.rl_steps})
    return cases


def case_name(case: dict) -> str:
    tail = f" @ {case['length']} tokens" if "length" in case else ""
    return f"{case['kind']} {case['model']}{tail}"


def run_case(case: dict, index: int, args, deadline: float, built: dict[str, dict]) -> dict:
    """Run one case in a subprocess under its budget; returns its result (error, timeout or skip included)."""
    name = case_name(case)
    if case["kind"] != "build" and case["model"] not in built:
        return {"error": f"skipped: building {case['model']} failed"}
    if case["kind"] == "trl_sft" and args.skip_trl:
        return {"error": "skipped (--skip-trl)"}
    if case["kind"] == "trl_sft" and not module_present("trl"):
        return {"error": "trl not installed"}
    left = deadline - time.monotonic()
    if left < 20:
        return {"error": "skipped: total budget spent"}
    budget = min(args.budget_seconds, left)
    out = Path(args.work) / f"case-{index:02d}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    (out / "case.json").write_text(json.dumps(case))
    env = dict(os.environ, PYTHONUNBUFFERED="1", TOKENIZERS_PARALLELISM="false", HF_HUB_OFFLINE="1",
               HF_DATASETS_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TRANSFORMERS_VERBOSITY="error",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    # both trainers get the same allocator setting: fewer fragmentation OOMs on 32K rows
    env.setdefault("PYTORCH_CUDA_ALLOC_CONF", "expandable_segments:True")
    t0 = time.monotonic()
    with (out / "log.txt").open("w") as log:
        proc = subprocess.Popen([sys.executable, __file__, "--worker", str(out / "case.json")], stdout=log,
                                stderr=subprocess.STDOUT, env=env, start_new_session=True)
        try:
            proc.wait(timeout=budget)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the worker and anything it started
            proc.wait()
    wall = time.monotonic() - t0
    if (out / "result.json").exists():
        result = json.loads((out / "result.json").read_text())
    else:
        timed_out = wall >= budget - 1
        reason = f"timeout after {budget:.0f} s" if timed_out else f"worker exited with {proc.returncode}"
        result = {"error": reason, "steps_detail": read_steps(out)}
        if (out / "memory.json").exists():
            result["peak_gib"] = json.loads((out / "memory.json").read_text())["peak_gib"]
    result["wall_s"] = round(wall, 1)
    if "error" in result:
        tail = (out / "log.txt").read_text(errors="replace").strip().splitlines()[-15:]
        result["log_tail"] = tail
        print(f"  {name}: {result['error']} (log tail below)\n    " + "\n    ".join(tail), flush=True)
    return result


def module_present(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def summarise_sft(result: dict, flops_per_token: float, on_gpu: bool) -> dict:
    steps = result.get("steps_detail") or []
    timed = steps[1:]  # the first step warms up (CUDA kernels, allocator, autotuning)
    out = {"steps_run": len(steps), "tokens_per_step": steps[0]["tokens"] if steps else None,
           "peak_gib": result.get("peak_gib"), "error": result.get("error"), "wall_s": result.get("wall_s")}
    if timed:
        seconds = sum(s["seconds"] for s in timed)
        tps = sum(s["tokens"] for s in timed) / seconds
        out |= {"tokens_per_s": round(tps, 1), "step_s": round(seconds / len(timed), 3),
                "mfu": round(flops_per_token * tps / H200_BF16_FLOPS, 4) if on_gpu else None}
    for key in ("optim", "attn_used", "detail"):
        if key in result:
            out[key] = result[key]
    return out


def flops_per_token(info: dict, example_tokens: int) -> float:
    """6·N + 6·n_layers·d_model·s (the module docstring says why)."""
    return 6 * info["params"] + 6 * info["layers"] * info["hidden"] * example_tokens


def fmt_num(x: float | None, digits: int = 0) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


def cell(summary: dict | None, key: str, digits: int = 0, on_gpu: bool = True, pct: bool = False) -> str:
    """A table cell: the number, or why there is none."""
    if summary is None:
        return "not run"
    value = summary.get(key)
    if value is not None:
        return f"{value * 100:.1f}%" if pct else fmt_num(value, digits)
    if key in ("peak_gib", "mfu") and not on_gpu:
        return "n/a on CPU"
    if summary.get("error"):
        error = summary["error"]
        return "OOM" if error == "out of memory" else error if len(error) <= 40 else "error (notes)"
    return "—"


def tables(results: dict, args, on_gpu: bool) -> str:
    lines = ["| model | packed tokens | tinylogic tokens/s | peak GiB | MFU | s/step | TRL tokens/s | TRL peak GiB "
             "| TRL MFU | tinylogic ÷ TRL |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    notes = []
    for model in args.models:
        info = results["builds"].get(model) or {}
        label = LABELS.get(model, model) + (f" ({info['params'] / 1e6:,.1f}M)" if "params" in info else "")
        for length in args.lengths:
            ours = results["sft"].get(f"{model}/{length}/tinylogic")
            theirs = results["sft"].get(f"{model}/{length}/trl")
            ratio = "—"
            if ours and theirs and ours.get("tokens_per_s") and theirs.get("tokens_per_s"):
                ratio = f"{ours['tokens_per_s'] / theirs['tokens_per_s']:.2f}×"
            lines.append(f"| {label} | {length:,} | {cell(ours, 'tokens_per_s')} | {cell(ours, 'peak_gib', 1, on_gpu)} "
                         f"| {cell(ours, 'mfu', on_gpu=on_gpu, pct=True)} | {cell(ours, 'step_s', 3)} "
                         f"| {cell(theirs, 'tokens_per_s')} | {cell(theirs, 'peak_gib', 1, on_gpu)} "
                         f"| {cell(theirs, 'mfu', on_gpu=on_gpu, pct=True)} | {ratio} |")
            for who, s in (("tinylogic", ours), ("TRL", theirs)):
                if s and s.get("tokens_per_step") not in (None, length):
                    notes.append(f"- {who} SFT, {label}, {length:,} tokens: fed {s['tokens_per_step']:,} tokens per "
                                 "step, not one full row")
                if s and s.get("error") and not s["error"].startswith(("trl not installed", "skipped")):
                    steps = f" after {s['steps_run']} step(s)" if s.get("steps_run") else ""
                    detail = f" ({s['detail']})" if s.get("detail") and s["detail"] not in s["error"] else ""
                    notes.append(f"- {who} SFT, {label}, {length:,} tokens: {s['error']}{steps}{detail}")
    rl = results.get("rl")
    out = ["### SFT step (one packed row per optimizer step)", "", *lines, ""]
    if rl is not None:
        label = LABELS.get(args.rl_model, args.rl_model)
        out += ["### RL step (`train_rl_phase`, one rollout batch and its update)", "",
                "| model | prompts × G | max new tokens | step s | generate s | train s | sampled tokens/s "
                "| trained tokens | peak GiB |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                f"| {label} | {args.rl_prompts} × {args.rl_group} | {args.rl_max_new_tokens} | {cell(rl, 'step_s', 2)} "
                f"| {cell(rl, 'generate_s', 2)} | {cell(rl, 'train_s', 2)} | {cell(rl, 'sampled_tokens_per_s')} "
                f"| {cell(rl, 'trained_tokens')} | {cell(rl, 'peak_gib', 1, on_gpu)} |", ""]
        if rl.get("error"):
            notes.append(f"- RL, {label}: {rl['error']}")
    for model, info in results["builds"].items():
        if info.get("error"):
            notes.append(f"- building {LABELS.get(model, model)}: {info['error']}")
    if notes:
        out += ["Notes:", "", *notes, ""]
    return "\n".join(out)


def summarise_rl(result: dict) -> dict:
    rows = result.get("steps_detail") or []
    out = {"steps_run": len(rows), "peak_gib": result.get("peak_gib"), "error": result.get("error"),
           "wall_s": result.get("wall_s"), "all_steps": rows}
    if rows:
        r = rows[-1]  # the last step: with two or more, not the first (warm-up)
        step_s = r["generate_s"] + r["verify_wait_s"] + r["train_s"]
        out |= {"step_s": round(step_s, 3), "generate_s": r["generate_s"], "train_s": r["train_s"],
                "verify_wait_s": r["verify_wait_s"], "trained_tokens": r["trained_tokens"],
                "response_len_mean": r["response_len_mean"], "truncated": r["truncated"],
                "warmup_excluded": len(rows) > 1}
    return out


def environment() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    env = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}
    for pkg in ("torch", "transformers", "accelerate", "trl", "datasets", "flash-attn", "tinylogic"):
        try:
            env[pkg] = version(pkg)
        except PackageNotFoundError:
            env[pkg] = None
    import torch

    env["cuda"] = torch.version.cuda
    env["device"] = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu"
    return env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--smoke", action="store_true", help="tiny model and rows, same code: a test on the CPU")
    ap.add_argument("--models", nargs="+", choices=[m for m in MODELS if m != "smoke"],
                    help=f"model configs (default: {' '.join(DEFAULTS['models'])})")
    ap.add_argument("--lengths", nargs="+", type=int, help="packed row lengths in tokens (default: 8192 32768)")
    ap.add_argument("--example-tokens", type=int, help="tokens per SFT example; a row holds length/this of them "
                    "(default 2048)")
    ap.add_argument("--steps", type=int, help="SFT optimizer steps per case, the first one untimed (default 3)")
    ap.add_argument("--attn", default="auto", help="attn_implementation for both trainers: auto = "
                    "flash_attention_2 where flash-attn imports on a GPU, else sdpa")
    ap.add_argument("--rl-prompts", type=int, help="RL prompts per step (default 8)")
    ap.add_argument("--rl-group", type=int, help="RL samples per prompt, G (default 8)")
    ap.add_argument("--rl-max-new-tokens", type=int, help="RL response limit (default 512)")
    ap.add_argument("--rl-steps", type=int, help="RL steps, the first one warm-up (default 2)")
    ap.add_argument("--skip-trl", action="store_true", help="tinylogic only")
    ap.add_argument("--skip-rl", action="store_true", help="no RL case")
    ap.add_argument("--budget-seconds", type=float, help="wall-time limit of each case's process, model load "
                    "included (default 150; smoke 60)")
    ap.add_argument("--total-budget-seconds", type=float, help="no case starts after this much wall time of the "
                    "whole check, and none runs past it (default 420, so the check fits 8 minutes with installs)")
    ap.add_argument("--work", help="scratch folder for the models and cases (default: a new one in /dev/shm when "
                    "it has room, else in the temp dir); removed at the end unless --keep")
    ap.add_argument("--keep", action="store_true", help="keep --work (models, per-case logs)")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results"),
                    help="folder for gpu_check.md and gpu_check.json (default benchmarks/results)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        worker(Path(args.worker))
        return
    preset = SMOKE if args.smoke else DEFAULTS
    for key, value in preset.items():
        if getattr(args, key, None) is None:
            setattr(args, key, value)
    if args.smoke:
        args.models = ["smoke"]
    started = time.monotonic()
    deadline = started + args.total_budget_seconds
    made_work = args.work is None
    if made_work:
        shm = Path("/dev/shm")
        roomy = shm.is_dir() and shutil.disk_usage(shm).free > (1 << 30 if args.smoke else 12 << 30)  # 3B: 6.2 GB
        args.work = tempfile.mkdtemp(prefix="gpu-check-", dir=shm if roomy else None)
    Path(args.work).mkdir(parents=True, exist_ok=True)

    import torch

    on_gpu = torch.cuda.is_available()
    if args.attn == "auto":
        args.attn = attention_implementation("auto")
    env = environment()
    print(f"gpu_check: {env['device']}, torch {env['torch']}, transformers {env['transformers']}, trl {env['trl']}, "
          f"attention {args.attn}, work {args.work}", flush=True)
    results: dict = {"builds": {}, "sft": {}, "rl": None}
    raw: dict = {}
    try:
        for index, case in enumerate(plan(args)):
            t0 = time.monotonic()
            result = run_case(case, index, args, deadline, results["builds"])
            raw[f"{index:02d} {case_name(case)}"] = result
            if case["kind"] == "build":
                results["builds"][case["model"]] = result
                if result.get("error"):
                    results["builds"].pop(case["model"])
                    results["builds"][case["model"] + " (failed)"] = result
            elif case["kind"] == "tinylogic_rl":
                results["rl"] = summarise_rl(result)
            else:
                info = results["builds"].get(case["model"]) or {}
                fpt = flops_per_token(info, case["example_tokens"]) if "params" in info else 0.0
                who = "tinylogic" if case["kind"] == "tinylogic_sft" else "trl"
                results["sft"][f"{case['model']}/{case['length']}/{who}"] = summarise_sft(result, fpt, on_gpu)
            summary = {k: v for k, v in result.items() if k not in ("steps_detail", "log_tail")}
            print(f"[{time.monotonic() - started:5.0f} s] {case_name(case)}: {json.dumps(summary)} "
                  f"({time.monotonic() - t0:.0f} s)", flush=True)
    finally:
        if made_work and not args.keep:
            shutil.rmtree(args.work, ignore_errors=True)
    if results["rl"] is not None and results["rl"].get("generate_s"):
        rl = results["rl"]
        rl["sampled_tokens_per_s"] = round(args.rl_prompts * args.rl_group * rl["response_len_mean"]
                                           / rl["generate_s"], 1)
    results["builds"] = {k: {kk: vv for kk, vv in v.items() if kk != "log_tail"} for k, v in results["builds"].items()}

    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (f"GPU check ({'smoke, ' if args.smoke else ''}{date}): {env['device']}, torch {env['torch']} "
              f"(CUDA {env['cuda']}), transformers {env['transformers']}, accelerate {env['accelerate']}, "
              f"trl {env['trl'] or 'not installed'}; attention {args.attn}, bf16 autocast over fp32 weights, "
              f"activation checkpointing, {args.example_tokens}-token examples, {args.steps} steps per SFT case "
              f"(first untimed); MFU against {H200_BF16_FLOPS / 1e12:.0f} TFLOP/s.")
    markdown = header + "\n\n" + tables(results, args, on_gpu)
    record = {"date": date, "smoke": args.smoke, "environment": env,
              "settings": {k: v for k, v in vars(args).items() if k not in ("worker", "keep")},
              "peak_flops": H200_BF16_FLOPS, "results": results, "cases": raw,
              "wall_s": round(time.monotonic() - started, 1)}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = "gpu_check_smoke" if args.smoke else "gpu_check"
    (out / f"{stem}.md").write_text(markdown + "\n")
    (out / f"{stem}.json").write_text(json.dumps(record, indent=1) + "\n")
    print("\n" + markdown, flush=True)
    print(f"\nwrote {out / (stem + '.md')} and {out / (stem + '.json')} ({record['wall_s']} s)", flush=True)


if __name__ == "__main__":
    main()
