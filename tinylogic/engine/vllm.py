"""vLLM backend (optional extra, for GPU rollouts at scale).

UNVERIFIED: written against vLLM's documented `LLM` / `SamplingParams` API (>= 0.10.2, for
`logprobs_mode`) but never run here (no GPU, vllm not installed). Only the pure mapping functions
below are tested. Differences from HFEngine: on a stop string vLLM cuts the text but keeps the token
ids it generated through the stop string; per-sample streams follow vLLM's own seeding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinylogic.engine.base import Prompt, Sample, SamplingParams


def to_vllm_kwargs(params: SamplingParams) -> dict[str, Any]:
    """Keyword arguments for `vllm.SamplingParams`."""
    return {
        "n": params.n,
        "temperature": params.temperature,
        "top_p": params.top_p,
        "top_k": params.top_k if params.top_k > 0 else -1,  # vLLM disables top-k with -1
        "max_tokens": params.max_new_tokens,
        "stop": list(params.stop),
        "seed": params.seed,
        "logprobs": 0 if params.logprobs else None,  # 0: only the sampled token's log-prob
    }


def to_samples(request_output: Any, logprobs: bool) -> list[Sample]:
    """One vLLM `RequestOutput` -> its samples. vLLM says "length" at max_tokens; "stop" covers EOS and
    stop strings; anything else (e.g. "abort") is reported as "stop"."""
    samples = []
    for out in request_output.outputs:
        token_ids = list(out.token_ids)
        lps = None
        if logprobs and out.logprobs is not None:  # one {token_id: Logprob} dict per generated token
            lps = [float(step[tok].logprob) for tok, step in zip(token_ids, out.logprobs, strict=True)]
        samples.append(Sample(text=out.text, token_ids=token_ids, logprobs=lps,
                              finish_reason="length" if out.finish_reason == "length" else "stop"))
    return samples


class VLLMEngine:
    """UNVERIFIED here. Same interface as HFEngine; extra kwargs go to `vllm.LLM`."""

    def __init__(self, model: str | Path, dtype: str | None = None, **llm_kwargs: Any):
        try:
            import vllm
        except ImportError as err:
            raise ImportError("tinylogic/engine/vllm.py: vllm is not installed; install tinylogic[vllm] "
                              "(needs a GPU; this backend is unverified without one)") from err
        self.vllm = vllm
        # log-probs of the sampling distribution (after temperature / top-k / top-p), as HFEngine returns:
        # RL's ratios are taken under the same distribution
        dtype = {"bf16": "bfloat16", "fp16": "float16", "fp32": "float32"}.get(dtype or "auto", dtype or "auto")
        self.llm = vllm.LLM(model=str(model), dtype=dtype, logprobs_mode="processed_logprobs",
                            **llm_kwargs)
        self.tokenizer = self.llm.get_tokenizer()

    def encode(self, prompt: Prompt) -> dict[str, list[int]]:
        """Same rendering as HFEngine.encode: chat template for messages, raw text as-is."""
        if isinstance(prompt, str):
            return {"prompt_token_ids": self.tokenizer(prompt)["input_ids"]}
        text = self.tokenizer.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
        return {"prompt_token_ids": self.tokenizer(text, add_special_tokens=False)["input_ids"]}

    def generate(self, prompts: list[Prompt], params: SamplingParams,
                 progress: bool = False) -> list[list[Sample]]:
        sampling = self.vllm.SamplingParams(**to_vllm_kwargs(params))
        outputs = self.llm.generate([self.encode(p) for p in prompts], sampling, use_tqdm=progress)
        return [to_samples(o, params.logprobs) for o in outputs]
