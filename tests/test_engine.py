"""Sampling engine: seeding, n samples, stop strings, finish reasons, raw log-probs, left padding, chat
templates (HF backend on the tiny default model) and the pure vLLM mappings."""

from types import SimpleNamespace

import pytest
import torch

from tinylogic.engine import SamplingParams, load_engine
from tinylogic.engine.hf import HFEngine, draw, filter_logits, sampling_logits, torch_threads
from tinylogic.engine.vllm import to_samples, to_vllm_kwargs

PROMPTS = ["12+7=", "Solve for x: 3x + 2 = 11. Let's think step by step."]


@pytest.fixture(scope="session")
def engine(tiny_model) -> HFEngine:
    return load_engine(str(tiny_model), backend="hf", device="cpu", batch_size=16, threads=1)


def sample(engine, prompts=PROMPTS, **kw):
    return engine.generate(prompts, SamplingParams(**kw))


def test_n_samples_distinct_when_sampling_identical_when_greedy(engine):
    hot = sample(engine, n=4, temperature=1.0, max_new_tokens=16, seed=0)
    cold = sample(engine, n=3, temperature=0, max_new_tokens=16)
    assert [len(s) for s in hot] == [4, 4] and [len(s) for s in cold] == [3, 3]
    for samples in hot:
        assert len({tuple(s.token_ids) for s in samples}) == 4
    for samples in cold:
        assert len({tuple(s.token_ids) for s in samples}) == 1


def test_seed_reproduces_and_is_per_sample(engine):
    a = sample(engine, n=3, max_new_tokens=16, seed=7)
    b = sample(engine, n=3, max_new_tokens=16, seed=7)
    c = sample(engine, n=3, max_new_tokens=16, seed=8)
    assert a == b
    assert [s.token_ids for s in a[0]] != [s.token_ids for s in c[0]]
    # each (prompt, sample) has its own stream: other batch sizes and neighbours give the same samples
    engine.batch_size = 2
    try:
        assert sample(engine, n=3, max_new_tokens=16, seed=7) == a
    finally:
        engine.batch_size = 16
    with_neighbour = sample(engine, prompts=[*PROMPTS, "a third, longer prompt sorted first"], n=3,
                            max_new_tokens=16, seed=7)
    assert with_neighbour[:2] == a


def test_max_new_tokens_gives_length(engine):
    out = sample(engine, n=4, max_new_tokens=10, seed=1)
    for s in (s for samples in out for s in samples):
        ended_by_eos = s.token_ids[-1] in engine.eos_ids
        assert s.finish_reason == ("stop" if ended_by_eos else "length")
        assert len(s.token_ids) == 10 or ended_by_eos
        assert engine.tokenizer.decode(s.token_ids, skip_special_tokens=True) == s.text


def test_stop_string_cuts_text_tokens_and_logprobs(engine):
    full = sample(engine, prompts=PROMPTS[:1], n=2, max_new_tokens=24, seed=3, logprobs=True)[0]
    base = max(full, key=lambda s: len(s.text))
    stop = base.text[5:7]
    cut_at = base.text.find(stop)
    out = sample(engine, prompts=PROMPTS[:1], n=2, max_new_tokens=24, seed=3, logprobs=True,
                 stop=["never-occurs", stop])[0]
    hit = out[full.index(base)]
    assert hit.finish_reason == "stop"
    assert hit.text == base.text[:cut_at] and stop not in hit.text
    # token_ids: the shortest prefix of what was generated that still covers the kept text
    kept = hit.token_ids
    assert kept == base.token_ids[:len(kept)] and hit.logprobs == pytest.approx(base.logprobs[:len(kept)])
    decode = engine.tokenizer.decode
    assert decode(kept, skip_special_tokens=True).startswith(hit.text)
    assert len(decode(kept[:-1], skip_special_tokens=True)) < len(hit.text) or not kept


def test_eos_id_ends_sample_and_stays_in_token_ids(engine, monkeypatch):
    greedy = sample(engine, prompts=PROMPTS[:1], temperature=0, max_new_tokens=12)[0][0]
    eos = greedy.token_ids[4]
    monkeypatch.setattr(engine, "eos_ids", {eos})
    out = sample(engine, prompts=PROMPTS[:1], temperature=0, max_new_tokens=12, logprobs=True)[0][0]
    first = greedy.token_ids.index(eos)
    assert out.finish_reason == "stop"
    assert out.token_ids == greedy.token_ids[:first + 1] and len(out.logprobs) == first + 1
    assert out.text == engine.tokenizer.decode(greedy.token_ids[:first], skip_special_tokens=True)


def test_chat_prompt_goes_through_the_template(engine):
    messages = [{"role": "user", "content": "What is 2+2?"}]
    rendered = engine.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    assert engine.tokenizer.chat_template and rendered != messages[0]["content"] and "2+2" in rendered
    assert engine.encode(messages) == engine.tokenizer(rendered, add_special_tokens=False)["input_ids"]
    as_chat, as_text, raw = sample(engine, prompts=[messages, rendered, messages[0]["content"]],
                                   temperature=0, max_new_tokens=12)
    assert as_chat == as_text and engine.encode(messages) != engine.encode(messages[0]["content"])
    assert raw[0].token_ids != as_chat[0].token_ids or len(raw[0].token_ids) == 0


def test_autocast_engine_samples_what_the_autocast_trainer_scores(tiny_model):
    # RL with rl.bf16 samples from its fp32 policy under bf16 autocast; the loss's forward runs the same way
    from transformers import AutoModelForCausalLM, AutoTokenizer

    policy = AutoModelForCausalLM.from_pretrained(str(tiny_model)).eval()
    engine = HFEngine(policy, tokenizer=AutoTokenizer.from_pretrained(str(tiny_model)), autocast=torch.bfloat16,
                      threads=1)
    out = sample(engine, n=2, temperature=1.0, max_new_tokens=12, seed=3, logprobs=True)
    gaps = {"bf16": [], "fp32": []}
    for prompt, samples in zip(PROMPTS, out, strict=True):
        for s in samples:
            ids = torch.tensor([engine.encode(prompt) + s.token_ids])
            positions = torch.arange(ids.shape[1] - len(s.token_ids) - 1, ids.shape[1] - 1)
            for name, enabled in (("bf16", True), ("fp32", False)):
                with torch.no_grad(), torch_threads(1), torch.autocast("cpu", dtype=torch.bfloat16, enabled=enabled):
                    logp = policy(input_ids=ids).logits[0].float().log_softmax(-1)
                gaps[name].append((logp[positions, torch.tensor(s.token_ids)] - torch.tensor(s.logprobs)).abs().max())
    # it sampled in bf16 (an fp32 decode matches an fp32 forward to ~1e-5), as the autocast trainer scores
    assert max(gaps["fp32"]) > 1e-3 and max(gaps["bf16"]) < max(gaps["fp32"])
    assert policy.dtype == torch.float32


def test_left_padding_matches_prompt_alone(engine):
    short, long = "3*4=", "A much longer prompt that forces left padding of the short one: 3*4="
    alone = sample(engine, prompts=[short], temperature=0, max_new_tokens=16, logprobs=True)[0][0]
    batched = sample(engine, prompts=[long, short], temperature=0, max_new_tokens=16, logprobs=True)[1][0]
    assert batched.token_ids == alone.token_ids and batched.text == alone.text
    assert batched.logprobs == pytest.approx(alone.logprobs, abs=1e-5)


def test_greedy_matches_transformers_generate(engine):
    ours = sample(engine, temperature=0, max_new_tokens=16)
    ids = [torch.tensor([engine.encode(p)]) for p in PROMPTS]
    with torch_threads(1):
        theirs = [engine.model.generate(x, attention_mask=torch.ones_like(x), do_sample=False, max_new_tokens=16,
                                        pad_token_id=engine.pad_id)[0, x.shape[1]:].tolist() for x in ids]
    for mine, ref in zip(ours, theirs, strict=True):
        end = next((k + 1 for k, t in enumerate(ref) if t in engine.eos_ids), len(ref))
        assert mine[0].token_ids == ref[:end]


def test_top_k_1_and_tiny_top_p_are_greedy(engine):
    greedy = sample(engine, temperature=0, max_new_tokens=12)
    assert sample(engine, temperature=1.5, top_k=1, max_new_tokens=12, seed=2) == greedy
    assert sample(engine, temperature=1.5, top_p=1e-6, max_new_tokens=12, seed=2) == greedy


def test_filter_and_draw_follow_the_distribution():
    logits = torch.log(torch.tensor([[0.5, 0.3, 0.15, 0.05]]))
    kept = lambda **kw: torch.isfinite(filter_logits(logits, SamplingParams(**kw))).tolist()[0]  # noqa: E731
    assert kept(top_p=0.7) == [True, True, False, False]
    assert kept(top_p=0.5) == [True, False, False, False]
    assert kept(top_k=3) == [True, True, True, False]
    rows = 4000
    gens = [torch.Generator().manual_seed(i) for i in range(rows)]
    picked = draw(logits.expand(rows, -1), SamplingParams(), gens)
    freq = torch.bincount(picked, minlength=4) / rows
    assert torch.allclose(freq, torch.tensor([0.5, 0.3, 0.15, 0.05]), atol=0.03)
    top2 = SamplingParams(top_k=2)
    never = draw(sampling_logits(logits.expand(rows, -1), top2), top2, gens)
    assert set(never.tolist()) == {0, 1}


def test_filter_logits_works_per_position_of_a_sequence():
    # the RL trainer filters [rows, positions, vocab] logits: top-k must act on the last dimension only
    logits = torch.log(torch.tensor([[[0.5, 0.3, 0.15, 0.05], [0.05, 0.15, 0.3, 0.5]]]))
    kept = torch.isfinite(filter_logits(logits, SamplingParams(top_k=2))).tolist()[0]
    assert kept == [[True, True, False, False], [False, False, True, True]]


def test_vllm_mapping(engine):
    # one vLLM request per sample (n=1) with the seed HFEngine gives that sample; HFEngine's stop ids
    params = SamplingParams(n=3, temperature=0.6, top_p=0.95, top_k=0, max_new_tokens=99, stop=["\n\n"],
                            seed=4, logprobs=True)
    assert to_vllm_kwargs(params, seed=123, stop_token_ids={7}) == {
        "n": 1, "temperature": 0.6, "top_p": 0.95, "top_k": -1, "max_tokens": 99, "stop": ["\n\n"],
        "stop_token_ids": [7], "seed": 123, "logprobs": 0}
    assert to_vllm_kwargs(SamplingParams(top_k=20))["top_k"] == 20
    assert to_vllm_kwargs(SamplingParams())["logprobs"] is None
    lp = lambda v: SimpleNamespace(logprob=v)  # noqa: E731
    request = SimpleNamespace(outputs=[
        SimpleNamespace(text="ab", token_ids=(5, 6), finish_reason="length", stop_reason=None,
                        logprobs=[{5: lp(-0.1)}, {6: lp(-2.0)}]),
        SimpleNamespace(text="c", token_ids=[7], finish_reason="stop", stop_reason=7,
                        logprobs=[{7: lp(-0.5), 1: lp(-0.2)}]),
        SimpleNamespace(text="", token_ids=[], finish_reason="abort", stop_reason=None, logprobs=None),
    ])
    samples = to_samples(request, logprobs=True)
    assert [s.finish_reason for s in samples] == ["length", "stop", "stop"]
    assert samples[0].token_ids == [5, 6] and samples[0].logprobs == [-0.1, -2.0]
    assert samples[1].logprobs == [-0.5] and samples[2].logprobs is None
    assert to_samples(request, logprobs=False)[0].logprobs is None

    # with the tokenizer, text and ids follow HFEngine: decoded from the ids, cut at the earliest stop string
    tok = engine.tokenizer
    ids = tok("12+7=19 and more")["input_ids"]
    through_stop = SimpleNamespace(text="12+7=19", token_ids=ids, finish_reason="stop", stop_reason=" and",
                                   logprobs=[{t: lp(-1.0)} for t in ids])
    cut = to_samples(SimpleNamespace(outputs=[through_stop]), True, tok, stops=["never", " and"])[0]
    assert cut.text == "12+7=19" and cut.token_ids == ids[:len(cut.token_ids)] and len(cut.logprobs) == len(cut.token_ids)
    assert tok.decode(cut.token_ids).startswith("12+7=19") and not tok.decode(cut.token_ids[:-1]).startswith("12+7=19")
    eos = SimpleNamespace(text="12", token_ids=[*ids[:2], 0], finish_reason="stop", stop_reason=None, logprobs=None)
    assert to_samples(SimpleNamespace(outputs=[eos]), False, tok)[0].text == tok.decode(ids[:2])


def test_vllm_engine_says_what_to_install():
    try:
        import vllm  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match=r"tinylogic\[vllm\]"):
            load_engine("unused", backend="vllm")
    else:
        pytest.skip("vllm is installed: the missing-extra message cannot be exercised")
