"""The engine contract (`Engine` in tinylogic/engine/base.py), checked the same way against every backend on
the tiny default model: prompt encoding, n samples per prompt, per-sample seeds (and `seed_ids`), finish
reasons, EOS and stop strings, sampling log-probs, context checks, greedy output equal to transformers'
`generate`, `update_weights` (the engine samples from pushed weights at once), and `should_stop` ending a call
midway.

The vLLM half (`-m vllm`) needs vLLM's CPU build, which lives in its own venv (`.venv-vllm`: README.md,
"The vLLM tests"); elsewhere it is skipped. With TINYLOGIC_REQUIRE_VLLM=1 (CI's vLLM step) a missing vllm
fails instead, so those tests cannot silently stop running. One engine per backend for the whole module:
a vLLM engine takes ~20 s to start on 2 cores."""

import importlib.util
import os
import time

import pytest
import torch
from transformers import AutoModelForCausalLM

from tinylogic.config import EngineConfig
from tinylogic.engine import Engine, SamplingParams, load_engine
from tinylogic.engine.base import Cancelled
from tinylogic.engine.hf import HFEngine, sampling_logits, torch_threads

# vLLM's own imports (torch.jit in its model code) warn; nothing of ours does
pytestmark = pytest.mark.filterwarnings("ignore:`torch.jit.script_method` is deprecated:DeprecationWarning")

PROMPTS = ["12+7=", "Solve for x: 3x + 2 = 11. Let's think step by step.",
           [{"role": "user", "content": "What is 2+2?"}]]


def vllm_or_skip() -> None:
    if importlib.util.find_spec("vllm") is None:
        message = ("vllm is not installed here; the vLLM tests run in .venv-vllm "
                   "(README.md, 'The vLLM tests': python -m pytest -m vllm tests/test_engine_contract.py)")
        if os.environ.get("TINYLOGIC_REQUIRE_VLLM"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module", params=["hf", pytest.param("vllm", marks=pytest.mark.vllm)])
def engine(request, tiny_model):
    if request.param == "vllm":
        vllm_or_skip()
        # opened as `tinylogic run` opens it, from the recipe's engine section
        args = EngineConfig(backend="vllm", dtype="fp32", kv_cache_gib=0.25).arguments()
        made = load_engine(str(tiny_model), args["backend"], **args["engine_kwargs"])
    else:
        made = HFEngine(tiny_model, device="cpu", dtype="fp32", batch_size=16, threads=1)
    yield made
    made.close()


@pytest.fixture(scope="module")
def reference(tiny_model):
    """The tiny model in transformers, fp32: what every backend's output is checked against."""
    return AutoModelForCausalLM.from_pretrained(str(tiny_model), dtype=torch.float32).eval()


def sample(engine, prompts=PROMPTS, seed_ids=None, **kw):
    return engine.generate(prompts, SamplingParams(**kw), seed_ids=seed_ids)


def transformers_greedy(model, engine, prompts, max_new_tokens):
    """`model.generate(do_sample=False)`'s tokens, cut after the first stop id (as the engines stop there)."""
    out = []
    for prompt in prompts:
        ids = torch.tensor([engine.encode(prompt)])
        with torch_threads(1), torch.no_grad():
            new = model.generate(ids, attention_mask=torch.ones_like(ids), do_sample=False,
                                 max_new_tokens=max_new_tokens, pad_token_id=0)[0, ids.shape[1]:].tolist()
        out.append(new[:next((k + 1 for k, t in enumerate(new) if t in set(engine.eos_ids)), len(new))])
    return out


def test_encode_renders_text_and_chat_as_the_tokenizer_does(engine):
    assert isinstance(engine, Engine) and engine.context == 1024  # the tiny model's max_position_embeddings
    chat = PROMPTS[2]
    rendered = engine.tokenizer.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)
    assert engine.encode(chat) == engine.tokenizer(rendered, add_special_tokens=False)["input_ids"]
    assert engine.encode(PROMPTS[0]) == engine.tokenizer(PROMPTS[0])["input_ids"]
    assert all(isinstance(t, int) for t in engine.encode(chat)) and engine.encode(chat) != engine.encode("2+2")


def test_n_samples_and_per_sample_seeds(engine):
    hot = sample(engine, n=4, temperature=1.0, max_new_tokens=16, seed=0)
    cold = sample(engine, n=3, temperature=0, max_new_tokens=16)
    assert [len(s) for s in hot] == [4, 4, 4] and [len(s) for s in cold] == [3, 3, 3]
    assert all(len({tuple(s.token_ids) for s in group}) == 4 for group in hot)
    assert all(len({tuple(s.token_ids) for s in group}) == 1 for group in cold)
    assert sample(engine, n=4, temperature=1.0, max_new_tokens=16, seed=0) == hot
    assert [s.token_ids for s in sample(engine, n=4, max_new_tokens=16, seed=1)[0]] != [s.token_ids for s in hot[0]]
    # a prompt's samples do not depend on the prompts after it, and with seed_ids not on its position:
    # RL splits one batch across processes and calls
    assert sample(engine, prompts=[*PROMPTS, "one more"], n=4, max_new_tokens=16, seed=0)[:3] == hot
    alone = sample(engine, prompts=PROMPTS[1:2], seed_ids=[1], n=4, max_new_tokens=16, seed=0)
    assert alone == hot[1:2]
    with pytest.raises(ValueError, match="seed_ids has 1 entries for 3 prompts"):
        sample(engine, seed_ids=[0], max_new_tokens=4)


def test_greedy_matches_transformers_generate(engine, reference):
    ours = sample(engine, temperature=0, max_new_tokens=24)
    theirs = transformers_greedy(reference, engine, PROMPTS, 24)
    assert [group[0].token_ids for group in ours] == theirs


@pytest.mark.parametrize("temperature, top_k, top_p", [(1.0, 0, 1.0), (0.7, 5, 0.9), (0, 0, 1.0)])
def test_logprobs_are_those_of_the_sampling_distribution(engine, reference, temperature, top_k, top_p):
    params = SamplingParams(temperature=temperature, top_k=top_k, top_p=top_p)
    out = sample(engine, n=2, temperature=temperature, top_k=top_k, top_p=top_p, max_new_tokens=12, seed=5,
                 logprobs=True)
    for prompt, group in zip(PROMPTS, out, strict=True):
        prompt_ids = engine.encode(prompt)
        for s in group:
            assert len(s.logprobs) == len(s.token_ids) and all(lp <= 0 for lp in s.logprobs)
            ids = torch.tensor([prompt_ids + s.token_ids])
            with torch.no_grad(), torch_threads(1):
                # tempered and truncated as drawn (raw at temperature 0)
                logp = sampling_logits(reference(input_ids=ids).logits[0].float(), params).log_softmax(-1)
            positions = torch.arange(len(prompt_ids) - 1, ids.shape[1] - 1)
            expected = logp[positions, torch.tensor(s.token_ids)]
            assert torch.allclose(torch.tensor(s.logprobs), expected, atol=1e-4)
    assert sample(engine, max_new_tokens=4)[0][0].logprobs is None


def test_length_eos_and_stop_strings(engine, monkeypatch):
    for s in (s for group in sample(engine, n=3, max_new_tokens=10, seed=1) for s in group):
        assert s.finish_reason == "length" and len(s.token_ids) == 10
        assert engine.tokenizer.decode(s.token_ids, skip_special_tokens=True) == s.text

    # EOS: the id ends the sample and stays in token_ids (RL trains the choice to stop), not in the text
    greedy = sample(engine, prompts=PROMPTS[1:2], temperature=0, max_new_tokens=12)[0][0]
    eos = greedy.token_ids[4]
    monkeypatch.setattr(engine, "eos_ids", [eos])
    out = sample(engine, prompts=PROMPTS[1:2], temperature=0, max_new_tokens=12, logprobs=True)[0][0]
    first = greedy.token_ids.index(eos)
    assert out.finish_reason == "stop" and out.token_ids == greedy.token_ids[:first + 1]
    assert len(out.logprobs) == first + 1
    assert out.text == engine.tokenizer.decode(greedy.token_ids[:first], skip_special_tokens=True)
    monkeypatch.undo()

    # stop string: the text is cut before it; token_ids to the shortest prefix that covers the text
    full = sample(engine, prompts=PROMPTS[1:2], n=2, max_new_tokens=24, seed=3, logprobs=True)[0]
    base = max(full, key=lambda s: len(s.text))
    stop = base.text[8:10]
    hit = sample(engine, prompts=PROMPTS[1:2], n=2, max_new_tokens=24, seed=3, logprobs=True,
                 stop=["never-occurs", stop])[0][full.index(base)]
    assert hit.finish_reason == "stop" and hit.text == base.text[:base.text.find(stop)]
    kept = hit.token_ids
    assert kept == base.token_ids[:len(kept)] and hit.logprobs == pytest.approx(base.logprobs[:len(kept)], abs=1e-5)
    decode = engine.tokenizer.decode
    assert decode(kept, skip_special_tokens=True).startswith(hit.text)
    assert not kept or len(decode(kept[:-1], skip_special_tokens=True)) < len(hit.text)


def test_prompts_beyond_the_context_or_empty_are_refused(engine):
    long = "1+" * 600  # ~1200 tokens, beyond the 1024 positions
    with pytest.raises(ValueError, match="beyond the model's context of 1024"):
        sample(engine, prompts=[PROMPTS[0], long], max_new_tokens=8)
    with pytest.raises(ValueError, match=r"prompts \[0\] encode to no tokens"):
        sample(engine, prompts=[""], max_new_tokens=8)


def test_should_stop_ends_a_running_call_within_one_step(engine):
    # serve's worker passes "every request of this call is gone" (a 408, a client gone, a shutdown): the
    # call must stop while it runs, not after its 200 tokens, and leave nothing behind for the next call
    before = sample(engine, n=2, max_new_tokens=8, seed=1)
    asked = []

    def after_three_steps() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(Cancelled):
        engine.generate(PROMPTS, SamplingParams(n=4, max_new_tokens=200, seed=0), should_stop=after_three_steps)
    assert len(asked) == 4  # asked at every step: three ran, the fourth did not
    assert sample(engine, n=2, max_new_tokens=8, seed=1) == before
    # never asked to stop: a call runs to its end
    done = engine.generate(PROMPTS, SamplingParams(n=2, max_new_tokens=8, seed=1), should_stop=lambda: False)
    assert done == before


def test_a_served_request_that_times_out_stops_its_engine_call(engine):
    # through the server's engine thread: the call of a request that got its 408 stops at the next step
    # instead of running on (issue #22: work in flight must stay bounded by the queue limit), and the
    # engine serves the next request
    pytest.importorskip("fastapi", reason="needs the serve extra (fastapi, uvicorn)")
    import asyncio

    import httpx

    from tinylogic.serve import ServeLimits, create_app

    long = {"model": "m", "messages": [{"role": "user", "content": "q"}], "n_candidates": 16, "temperature": 1.0,
            "max_tokens": 900, "seed": 0}
    start = time.perf_counter()
    engine.generate([long["messages"]], SamplingParams(n=16, max_new_tokens=900, seed=0))
    whole = time.perf_counter() - start
    assert whole > 1.0  # long enough to see it cut short

    async def scenario():
        app = create_app(engine, "m", limits=ServeLimits(max_seconds=0.3))
        app.state.worker.start()  # the ASGI transport runs no lifespan
        try:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
                timed_out = await client.post("/v1/chat/completions", json=long)
                await asyncio.sleep(0.3)
                after = await client.get("/health")
                busy = app.state.worker.stats["busy_seconds"]
                short = await client.post("/v1/chat/completions", json={**long, "n_candidates": 1, "max_tokens": 4})
                return timed_out, after, busy, short
        finally:
            app.state.worker.stop(10)

    timed_out, after, busy, short = asyncio.run(scenario())
    assert timed_out.status_code == 408
    assert after.status_code == 200 and after.json()["engine"]["call_seconds"] == 0  # idle again
    assert busy < min(0.3 + 0.4, whole / 2), (busy, whole)
    assert short.status_code == 200 and short.json()["tinylogic"]["candidates"][0]["tokens"] > 0


def test_update_weights_samples_from_the_pushed_weights(engine, reference, tiny_model):
    """Perturb two layers and the (tied) embedding, push every parameter as RL does after an optimizer step:
    greedy output is the perturbed model's; pushing the original back restores the original output."""
    before = sample(engine, temperature=0, max_new_tokens=16)
    perturbed = AutoModelForCausalLM.from_pretrained(str(tiny_model), dtype=torch.float32).eval()
    noise = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for name, param in perturbed.named_parameters():
            if name.startswith(("model.layers.1.", "model.layers.3.mlp", "model.embed_tokens")):
                param.add_(0.05 * torch.randn(param.shape, generator=noise))
    engine.update_weights(perturbed.named_parameters())
    after = sample(engine, temperature=0, max_new_tokens=16, logprobs=True)
    assert [g[0].token_ids for g in after] == transformers_greedy(perturbed, engine, PROMPTS, 16)
    assert [g[0].token_ids for g in after] != [g[0].token_ids for g in before]

    engine.sleep()  # no-op on these backends; the weights survive it either way
    engine.wake()
    engine.update_weights(reference.state_dict().items())  # state_dict: the tied lm_head alias included
    assert sample(engine, temperature=0, max_new_tokens=16) == before

    with pytest.raises(ValueError, match="'model.nope' is not a parameter of the model"):
        engine.update_weights([("model.nope", torch.zeros(1))])
    with pytest.raises(ValueError, match=r"'model.norm.weight' has shape \(3,\)"):
        engine.update_weights([("model.norm.weight", torch.zeros(3))])


def test_hf_engine_over_an_in_memory_model_needs_no_copy(reference, tiny_model):
    # RL's engine wraps the policy itself: pushing the policy's own parameters writes nothing
    from transformers import AutoTokenizer

    engine = HFEngine(reference, tokenizer=AutoTokenizer.from_pretrained(str(tiny_model)))
    versions = [p._version for p in reference.parameters()]  # bumped by every in-place write
    engine.update_weights(reference.named_parameters())
    assert [p._version for p in reference.parameters()] == versions


@pytest.mark.vllm
def test_vllm_names_the_setting_at_fault_before_starting(tiny_model):
    vllm_or_skip()
    from tinylogic.engine.vllm import VLLMEngine

    # 1 MiB holds 341 tokens of the tiny model in fp32 (3 KiB each), not one 1024-position sequence
    with pytest.raises(ValueError, match=r"\(engine.kv_cache_gib\) holds 341 tokens .* fewer than one sequence of "
                       r"1024 positions \(engine.max_model_len"):
        VLLMEngine(tiny_model, dtype="fp32", kv_cache_gib=1 / 1024)
    with pytest.raises(ValueError, match=r"unknown dtype 'int8' \(engine.dtype\)"):
        VLLMEngine(tiny_model, dtype="int8")


def test_a_call_larger_than_one_scheduler_step_keeps_each_samples_seed(engine):
    # vLLM schedules at most 4096 prompt tokens a step on CPU: 200 prompts of ~30 tokens take two steps.
    # Each sample is still that of its own seed (vLLM once died here: its CPU generators cannot rewind)
    many = [f"Problem {i}: compute {i} + {2 * i} and explain every step of the sum carefully." for i in range(200)]
    out = sample(engine, prompts=many, n=2, max_new_tokens=4, seed=9)
    assert [len(g) for g in out] == [2] * 200
    assert sample(engine, prompts=many[150:152], seed_ids=[150, 151], n=2, max_new_tokens=4, seed=9) == out[150:152]
