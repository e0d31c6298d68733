"""The one sampling interface. Backends (transformers by default, vLLM optional) implement the `Engine`
protocol; callers never see backend details.

A prompt is raw text or a list of chat messages ({"role", "content"}); chat messages go through the
tokenizer's chat template (with the generation prompt) when the model has one.

The helpers below are shared by every backend, so both render prompts, seed samples, refuse over-long
prompts and cut at stop strings the same way (docs/ENGINE.md lists what each backend guarantees).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
from pydantic import BaseModel, Field

Prompt = str | list[dict[str, str]]


class SamplingParams(BaseModel):
    n: int = Field(1, ge=1, description="Samples per prompt.")
    temperature: float = Field(1.0, ge=0, description="0 means greedy.")
    top_p: float = Field(1.0, gt=0, le=1)
    top_k: int = Field(0, ge=0, description="0 disables top-k.")
    max_new_tokens: int = Field(256, ge=1)
    stop: list[str] = Field(default_factory=list, description="Stop strings; the text is cut before them.")
    seed: int | None = Field(None, description="Same seed, same prompts, same params -> same samples.")
    logprobs: bool = Field(False, description="Return per-token log-probabilities of the sampled tokens.")


class Cancelled(RuntimeError):
    """`generate` stopped because its `should_stop()` said so (the request it served was cancelled)."""


class Sample(BaseModel):
    text: str
    token_ids: list[int]
    finish_reason: Literal["stop", "length"]
    logprobs: list[float] | None = None


@runtime_checkable
class Engine(Protocol):
    """Everything a caller of an engine uses. `HFEngine` and `VLLMEngine` both implement it; the contract
    tests (tests/test_engine_contract.py) run the same checks against each."""

    tokenizer: Any
    """The model's Hugging Face tokenizer (decoding, chat template, vocabulary)."""
    context: int | None
    """Positions a prompt plus its new tokens may take; None when the model states no limit."""

    def encode(self, prompt: Prompt) -> list[int]:
        """The prompt's token ids exactly as `generate` feeds them to the model."""
        ...

    def generate(self, prompts: list[Prompt], params: SamplingParams, progress: bool | None = None,
                 seed_ids: list[int] | None = None,
                 should_stop: Callable[[], bool] | None = None) -> list[list[Sample]]:
        """For each prompt, `params.n` samples, in prompt order. Sample j of prompt i is drawn from its own
        stream seeded by (params.seed, seed_ids[i] or i, j); `logprobs` are those of the distribution each
        token was drawn from (after temperature, top-k, top-p; raw at temperature 0). `should_stop`: asked
        as the call goes on (HFEngine: at every decode step; VLLMEngine: before every engine step); when it
        says True the call raises `Cancelled`, so the work of a request that is gone stops."""
        ...

    def update_weights(self, named_tensors: Iterable[tuple[str, Any]]) -> None:
        """Load (name, tensor) pairs, named as the model's `named_parameters()` / checkpoint names them,
        into the weights the engine samples with. RL calls it after each optimizer step."""
        ...

    def sleep(self) -> None:
        """Free what memory the backend can while the caller trains (a no-op where there is none to free)."""
        ...

    def wake(self) -> None:
        """Undo `sleep`; call it before the next `generate` or `update_weights`."""
        ...

    def close(self) -> None:
        """Release the backend's processes and memory; the engine is unusable afterwards."""
        ...


def encode_prompt(tokenizer: Any, prompt: Prompt) -> list[int]:
    """Chat messages go through the chat template (with the generation prompt, no extra special tokens: the
    template writes them); text is used as-is."""
    if isinstance(prompt, str):
        return list(tokenizer(prompt)["input_ids"])
    if tokenizer.chat_template is None:
        # no template: plain concatenation, so a base model still gets the content
        return list(tokenizer("\n".join(m["content"] for m in prompt) + "\n")["input_ids"])
    text = tokenizer.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
    return list(tokenizer(text, add_special_tokens=False)["input_ids"])


def row_seed(seed: int, prompt_idx: int, sample_idx: int) -> int:
    """A well-mixed 63-bit seed per sample, so neighbouring (prompt, sample) pairs get unrelated streams."""
    return int(np.random.SeedSequence([seed, prompt_idx, sample_idx]).generate_state(1, np.uint64)[0] >> 1)


def check_seed_ids(seed_ids: list[int] | None, n_prompts: int, engine: str) -> None:
    if seed_ids is not None and len(seed_ids) != n_prompts:
        raise ValueError(f"{engine}.generate: seed_ids has {len(seed_ids)} entries for {n_prompts} prompts; "
                         "give one per prompt")


def check_encoded(encoded: list[list[int]], max_new_tokens: int, context: int | None, engine: str) -> None:
    """Refuse prompts that encode to nothing (nothing to continue from) or do not fit the context."""
    if empty := [i for i, ids in enumerate(encoded) if not ids]:
        raise ValueError(f"{engine}.generate: prompts {empty} encode to no tokens; nothing to continue from")
    check_context(encoded, max_new_tokens, context)


def check_context(encoded: list[list[int]], max_new_tokens: int, context: int | None) -> None:
    """Refuse a prompt whose tokens plus `max_new_tokens` exceed the model's context: positions past it
    were never trained, and the output would silently degrade."""
    if context is None or not encoded:
        return
    longest = max(range(len(encoded)), key=lambda i: len(encoded[i]))
    if len(encoded[longest]) + max_new_tokens > context:
        raise ValueError(f"prompt {longest} has {len(encoded[longest])} tokens; with max_new_tokens {max_new_tokens} "
                         f"that is {len(encoded[longest]) + max_new_tokens}, beyond the model's context of {context} "
                         "positions: shorten the prompt or lower max_new_tokens")


def tokens_covering(tokenizer: Any, token_ids: list[int], text: str) -> int:
    """Length of the shortest prefix of `token_ids` whose decoding covers all of `text` (the cut is near the
    end, so walk back from the full list). Used to cut token ids at a stop string."""
    n = len(token_ids)
    while n > 0 and len(tokenizer.decode(token_ids[:n - 1], skip_special_tokens=True)) >= len(text):
        n -= 1
    return n


BACKENDS = {
    "hf": "tinylogic.engine.hf:HFEngine",
    "vllm": "tinylogic.engine.vllm:VLLMEngine",
}


def load_engine(model: str, backend: str = "hf", **kwargs) -> Engine:
    """Open `model` (a save_pretrained dir or HF name) with the named backend."""
    import importlib

    if backend not in BACKENDS:
        raise ValueError(f"unknown engine backend {backend!r}; choose one of {sorted(BACKENDS)}")
    module, _, cls = BACKENDS[backend].partition(":")
    return getattr(importlib.import_module(module), cls)(model, **kwargs)
