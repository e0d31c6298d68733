"""The one sampling interface. Backends (transformers by default, vLLM optional) implement
`Engine.generate`; callers never see backend details.

A prompt is raw text or a list of chat messages ({"role", "content"}); chat messages go through the
tokenizer's chat template (with the generation prompt) when the model has one.
"""

from __future__ import annotations

from typing import Literal, Protocol

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


class Sample(BaseModel):
    text: str
    token_ids: list[int]
    finish_reason: Literal["stop", "length"]
    logprobs: list[float] | None = None


class Engine(Protocol):
    def generate(self, prompts: list[Prompt], params: SamplingParams) -> list[list[Sample]]:
        """For each prompt, `params.n` samples, in prompt order."""
        ...


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
