"""Transformers backend: an explicit batched decode loop over a KV cache.

Why a loop of our own rather than `model.generate`: `generate` samples with the global torch RNG
(one stream for the whole batch), so a sample depends on its batch neighbours and on whatever ran
before; it cannot give the log-prob of each sampled token under the distribution it was drawn from
cheaply; and its stop strings do not cut the text. Here every sample (prompt i, sample j) draws from its own generator
seeded by (seed, i, j), finished rows leave the batch (and the cache), and a prompt shared by n
samples is prefilled once. See docs/ENGINE.md for the guarantees.
"""

from __future__ import annotations

import inspect
import os
import secrets
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import torch
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DynamicCache,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from tinylogic.engine.base import (  # noqa: F401  (check_context, row_seed: imported from here by callers)
    Cancelled,
    Prompt,
    Sample,
    SamplingParams,
    check_context,
    check_encoded,
    check_seed_ids,
    encode_prompt,
    row_seed,
    tokens_covering,
)
from tinylogic.models import context_length, quiet_loading, stop_token_ids

DTYPES = {
    "bf16": torch.bfloat16, "bfloat16": torch.bfloat16,
    "fp16": torch.float16, "float16": torch.float16,
    "fp32": torch.float32, "float32": torch.float32,
}


def pick_device(device: str | None) -> torch.device:
    if device:
        return torch.device(device)
    # under `accelerate launch` each process samples on its own GPU
    return torch.device("cuda", int(os.environ.get("LOCAL_RANK", 0))) if torch.cuda.is_available() else torch.device("cpu")


def pick_dtype(dtype: str | None, device: torch.device) -> torch.dtype:
    if dtype in (None, "auto"):
        bf16_ok = device.type == "cuda" and torch.cuda.is_bf16_supported()
        return torch.bfloat16 if bf16_ok else torch.float32
    if dtype not in DTYPES:
        raise ValueError(f"HFEngine: unknown dtype {dtype!r}; choose one of {sorted(DTYPES)} or 'auto'")
    return DTYPES[dtype]


def filter_logits(logits: torch.Tensor, params: SamplingParams) -> torch.Tensor:
    """Temperature, then top-k, then top-p (the transformers order); removed tokens get -inf."""
    logits = logits / params.temperature
    if 0 < params.top_k < logits.shape[-1]:
        kth = torch.topk(logits, params.top_k, dim=-1).values[..., -1:]
        logits = logits.masked_fill(logits < kth, float("-inf"))
    if params.top_p < 1.0:
        sorted_logits, order = torch.sort(logits, descending=True, dim=-1)
        probs = sorted_logits.softmax(-1)
        # drop a token when the mass before it already reaches top_p (the top token always stays)
        drop_sorted = (probs.cumsum(-1) - probs) >= params.top_p
        logits = logits.masked_fill(drop_sorted.scatter(-1, order, drop_sorted), float("-inf"))
    return logits


def sampling_logits(logits: torch.Tensor, params: SamplingParams) -> torch.Tensor:
    """The logits of the distribution tokens are drawn from: filtered (temperature, top-k, top-p), or the
    raw ones at temperature 0 (greedy draws from no distribution; raw log-probs still say how sure it was).
    Returned log-probs and RL's ratios are both taken from these, so sampler and trainer agree."""
    return logits if params.temperature == 0 else filter_logits(logits, params)


def draw(logits: torch.Tensor, params: SamplingParams, generators: list[torch.Generator]) -> torch.Tensor:
    """One token per row from `sampling_logits`: argmax at temperature 0, else inverse-CDF with one
    uniform per row's generator."""
    if params.temperature == 0:
        return logits.argmax(-1)
    probs = logits.softmax(-1).double()
    cdf = probs.cumsum(-1)
    u = torch.stack([torch.rand((), generator=g, device=logits.device, dtype=torch.float64) for g in generators])
    # side="right" never lands on a zero-probability token
    picked = torch.searchsorted(cdf, (u * cdf[:, -1]).unsqueeze(-1), right=True).squeeze(-1)
    return picked.clamp_max(logits.shape[-1] - 1)


@contextmanager
def torch_threads(n: int | None):
    """Run with `n` intra-op threads, restoring the previous count (torch's setting is process-wide)."""
    before = torch.get_num_threads()
    if n:
        torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def find_stop(text: str, stops: list[str], start: int) -> int:
    """Index of the earliest stop string that begins at or after `start`, or -1."""
    hits = [i for s in stops if (i := text.find(s, start)) >= 0]
    return min(hits) if hits else -1


@dataclass
class RowState:
    """One sample being decoded: its tokens, their sampling log-probs, and the length of its text so far."""

    tokens: list[int] = field(default_factory=list)
    logprobs: list[float] = field(default_factory=list)
    text_len: int = 0


class HFEngine:
    """Any Hugging Face causal LM (a save_pretrained folder or hub name available locally)."""

    def __init__(self, model: str | Path | PreTrainedModel, device: str | None = None, dtype: str | None = None,
                 batch_size: int = 64, progress: bool = False, threads: int | None = None,
                 tokenizer: PreTrainedTokenizerBase | None = None, autocast: torch.dtype | None = None):
        """`model` is a folder/name to load, or a model already in memory (the RL trainer samples from the
        policy it is training: no copy, no weight sync); then `tokenizer` is required and the model's own
        device and dtype are used, and its train/eval mode is left to the caller. `autocast` (e.g. bf16)
        decodes under torch.autocast, as the trainer's loss runs (faster than fp32 on GPUs and AMX CPUs)."""
        if isinstance(model, PreTrainedModel):
            if tokenizer is None:
                raise ValueError("HFEngine: pass the tokenizer along with an in-memory model")
            self.model, self.tokenizer = model, tokenizer
            self.device, self.dtype = model.device, model.dtype
        else:
            self.device = pick_device(device)
            self.dtype = pick_dtype(dtype, self.device)
            self.tokenizer = tokenizer or AutoTokenizer.from_pretrained(str(model))
            with quiet_loading():  # `progress` is ours to show
                self.model = AutoModelForCausalLM.from_pretrained(str(model), dtype=self.dtype)
            self.model.to(self.device).eval()
        self.batch_size = batch_size
        self.autocast = autocast
        self.progress = progress
        self.threads = threads  # e.g. 1 for tiny models on a busy CPU, where thread sync dominates
        # transformers renamed forward's `past_key_values` to `cache` (the old name warns, and goes in 5.40);
        # older releases (vLLM's pin among them) know only the old name
        self.cache_arg = "cache" if "cache" in inspect.signature(self.model.forward).parameters else "past_key_values"
        self.eos_ids = set(stop_token_ids(self.tokenizer, self.model.generation_config))
        self.context = context_length(self.model)
        self.pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0

    def encode(self, prompt: Prompt) -> list[int]:
        """Chat messages go through the chat template (with the generation prompt); text is used as-is."""
        return encode_prompt(self.tokenizer, prompt)

    @torch.no_grad()
    def update_weights(self, named_tensors: Iterable[tuple[str, torch.Tensor]]) -> None:
        """Copy (name, tensor) pairs into the model. A tensor that already is the model's own (RL's policy
        passed in memory: the engine samples from the very parameters the optimizer steps) is skipped, so
        for that engine the call costs nothing."""
        own = dict(self.model.named_parameters(remove_duplicate=False)) | dict(self.model.named_buffers())
        for name, tensor in named_tensors:
            if name not in own:
                raise ValueError(f"HFEngine.update_weights: {name!r} is not a parameter of the model "
                                 f"(it has e.g. {', '.join(list(own)[:3])})")
            target = own[name]
            if target.shape != tensor.shape:
                raise ValueError(f"HFEngine.update_weights: {name!r} has shape {tuple(tensor.shape)}, the model's "
                                 f"has {tuple(target.shape)}")
            if target.data_ptr() != tensor.data_ptr():
                target.copy_(tensor)

    def sleep(self) -> None:
        """Nothing to free: the model is the caller's to move or keep."""

    def wake(self) -> None:
        """Nothing was freed by `sleep`."""

    def close(self) -> None:
        """Nothing to release beyond what garbage collection frees (no processes, no pinned memory)."""

    @torch.inference_mode()
    def generate(self, prompts: list[Prompt], params: SamplingParams, progress: bool | None = None,
                 seed_ids: list[int] | None = None,
                 should_stop: Callable[[], bool] | None = None) -> list[list[Sample]]:
        """`seed_ids[i]` replaces prompt i's position in the per-sample seeds, so a prompt gets the same
        samples whichever call or process it is sampled in (RL splits one batch across processes)."""
        from rich.progress import Progress

        check_seed_ids(seed_ids, len(prompts), "HFEngine")
        encoded = [self.encode(p) for p in prompts]
        check_encoded(encoded, params.max_new_tokens, self.context, "HFEngine")
        seed = params.seed if params.seed is not None else secrets.randbits(63)
        draws = 1 if params.temperature == 0 else params.n  # greedy samples are all the same: decode once
        # longest prompts first, so batches hold similar lengths (little padding); seeding is per row
        order = sorted(range(len(prompts)), key=lambda i: -len(encoded[i]))
        rows = [(i, j) for i in order for j in range(draws)]
        batches = [rows[k:k + self.batch_size] for k in range(0, len(rows), self.batch_size)]
        out: dict[tuple[int, int], Sample] = {}
        show = self.progress if progress is None else progress
        with (torch_threads(self.threads), Progress(disable=not show, transient=True) as bar,
              torch.autocast(self.device.type, dtype=self.autocast or torch.bfloat16, enabled=bool(self.autocast))):
            task = bar.add_task("sampling", total=len(batches))
            for batch in batches:
                out.update(self.decode_batch(batch, encoded, params, seed, seed_ids, should_stop))
                bar.advance(task)
        return [[out[(i, j if draws > 1 else 0)].model_copy() for j in range(params.n)]
                for i in range(len(prompts))]

    def prefill(self, prompts: list[list[int]]):
        """Left-padded forward over the prompts; returns the cache, last logits, mask and last positions."""
        width = max(len(p) for p in prompts)
        ids = torch.full((len(prompts), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(prompts), width), dtype=torch.long)
        for r, p in enumerate(prompts):
            ids[r, width - len(p):] = torch.tensor(p)
            mask[r, width - len(p):] = 1
        ids, mask = ids.to(self.device), mask.to(self.device)
        positions = (mask.cumsum(-1) - 1).clamp_min(0)  # pads do not shift the real tokens' positions
        cache = DynamicCache(config=self.model.config)
        logits = self.model(input_ids=ids, attention_mask=mask, position_ids=positions,
                            **{self.cache_arg: cache}, use_cache=True).logits[:, -1].float()
        return cache, logits, mask, positions[:, -1]

    def decode_batch(self, rows: list[tuple[int, int]], encoded: list[list[int]], params: SamplingParams,
                     seed: int, seed_ids: list[int] | None = None,
                     should_stop: Callable[[], bool] | None = None) -> dict[tuple[int, int], Sample]:
        # prefill each distinct prompt once, then copy its cache to each of its rows
        unique = list(dict.fromkeys(i for i, _ in rows))
        cache, logits, mask, last_pos = self.prefill([encoded[i] for i in unique])
        expand = torch.tensor([unique.index(i) for i, _ in rows], device=self.device)
        cache.batch_select_indices(expand)
        logits, mask, last_pos = logits[expand], mask[expand], last_pos[expand]

        generators = [torch.Generator(self.device).manual_seed(row_seed(seed, seed_ids[i] if seed_ids else i, j))
                      for i, j in rows]
        states = [RowState() for _ in rows]
        active = list(range(len(rows)))  # batch position -> index into `rows`
        done: dict[tuple[int, int], Sample] = {}
        for step in range(params.max_new_tokens):
            if should_stop is not None and should_stop():
                raise Cancelled("generation stopped: should_stop() said so")
            logits = sampling_logits(logits, params)
            picked = draw(logits, params, [generators[a] for a in active])
            chosen_logp = logits.log_softmax(-1).gather(-1, picked.unsqueeze(-1)).squeeze(-1)
            keep = []
            for b, (a, tok, lp) in enumerate(zip(active, picked.tolist(), chosen_logp.tolist(), strict=True)):
                states[a].tokens.append(tok)
                states[a].logprobs.append(lp)
                sample = self.finish(states[a], params, last_step=step == params.max_new_tokens - 1)
                if sample is None:
                    keep.append(b)
                else:
                    done[rows[a]] = sample
            if not keep:
                break
            if len(keep) < len(active):  # finished rows leave the batch and the cache
                sel = torch.tensor(keep, device=self.device)
                cache.batch_select_indices(sel)
                picked, mask, last_pos = picked[sel], mask[sel], last_pos[sel]
                active = [active[b] for b in keep]
            mask = torch.cat([mask, mask.new_ones((len(active), 1))], dim=-1)
            last_pos = last_pos + 1
            logits = self.model(input_ids=picked.unsqueeze(-1), attention_mask=mask,
                                position_ids=last_pos.unsqueeze(-1), **{self.cache_arg: cache},
                                use_cache=True).logits[:, -1].float()
        return done

    def finish(self, row: RowState, params: SamplingParams, last_step: bool) -> Sample | None:
        """The row's Sample if its last token ended it (EOS, a stop string, max_new_tokens), else None."""
        decode = self.tokenizer.decode
        tokens, logprobs = row.tokens, row.logprobs
        if tokens[-1] in self.eos_ids:  # the EOS id stays in token_ids (the policy chose to stop), not in text
            return Sample(text=decode(tokens[:-1], skip_special_tokens=True), token_ids=tokens,
                          finish_reason="stop", logprobs=logprobs if params.logprobs else None)
        stops = [s for s in params.stop if s]
        if not stops and not last_step:
            return None  # decode only when something can end the row: decoding each step costs time
        text, cut = decode(tokens, skip_special_tokens=True), -1
        if stops:
            # a stop string starting earlier was already seen; the margin covers re-decoded bytes
            cut = find_stop(text, stops, max(0, row.text_len - max(len(s) for s in stops) - 8))
            row.text_len = len(text)
        if cut >= 0:
            text, reason = text[:cut], "stop"
            n_keep = tokens_covering(self.tokenizer, tokens, text)
            tokens, logprobs = tokens[:n_keep], logprobs[:n_keep]
        elif last_step:
            reason = "length"
        else:
            return None
        return Sample(text=text, token_ids=tokens, finish_reason=reason,
                      logprobs=logprobs if params.logprobs else None)
