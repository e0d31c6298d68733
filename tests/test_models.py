"""The embedded default model: local tokenizer + Qwen2 model, loadable through the Auto classes."""

import pytest
import torch
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, AutoTokenizer, Qwen2ForCausalLM

from tinylogic.data.prompts import MATH_SUFFIX, solve_prompt
from tinylogic.data.suite import synthesize
from tinylogic.models import EOS, IM_END, IM_START, SIZES, build_tokenizer, init_model, model_config


@pytest.fixture(scope="module")
def tokenizer(tiny_model):
    return AutoTokenizer.from_pretrained(tiny_model)


def test_init_model_saves_a_loadable_tiny_qwen2(tiny_model, tokenizer):
    assert (tiny_model / "model.safetensors").is_file()
    model = AutoModelForCausalLM.from_pretrained(tiny_model)
    assert isinstance(model, Qwen2ForCausalLM)
    assert 1_000_000 <= model.num_parameters() <= 3_000_000
    cfg = model.config
    assert cfg.tie_word_embeddings and cfg.max_position_embeddings == 1024 and cfg.vocab_size == len(tokenizer)
    eos = tokenizer.convert_tokens_to_ids(EOS)
    assert cfg.eos_token_id == cfg.pad_token_id == eos == tokenizer.eos_token_id == tokenizer.pad_token_id
    assert set(model.generation_config.eos_token_id) == {eos, tokenizer.convert_tokens_to_ids(IM_END)}


def test_tokenizer_round_trips_suite_text_and_arbitrary_text(tokenizer):
    problems = synthesize(24, seed=5)
    texts = [solve_prompt(p) for p in problems] + [t.text for p in problems for t in p.traces]
    for text in texts:
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        assert tokenizer.decode(ids) == text
    # digits stay one token each (what arithmetic needs); suite words are merged
    assert tokenizer.tokenize("Compute 4738")[-4:] == ["4", "7", "3", "8"]
    assert len(tokenizer(MATH_SUFFIX)["input_ids"]) < len(MATH_SUFFIX) / 2.5
    aime = "Let $\\omega\\neq 1$ be a 13th root of unity. Find √(x²+π) — naïve 🙂\n\ttabs"
    assert tokenizer.decode(tokenizer(aime)["input_ids"]) == aime
    for special in (EOS, IM_START, IM_END):
        assert len(tokenizer(special, add_special_tokens=False)["input_ids"]) == 1


def test_chat_template_is_chatml_with_generation_prompt(tokenizer):
    messages = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Compute 2 + 3."}]
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    assert text == ("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nCompute 2 + 3.<|im_end|>\n"
                    "<|im_start|>assistant\n")
    without = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=False)
    assert not without.endswith("<|im_start|>assistant\n")


def test_generate_from_chat_prompt(tiny_model, tokenizer):
    model = AutoModelForCausalLM.from_pretrained(tiny_model)
    prompt = solve_prompt(synthesize(1, seed=0)[0])
    enc = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True,
                                        return_tensors="pt", return_dict=True)
    out = model.generate(**enc, max_new_tokens=6, min_new_tokens=3, do_sample=True, top_p=0.95)
    assert out.shape[1] > enc["input_ids"].shape[1]
    assert torch.equal(out[0, : enc["input_ids"].shape[1]], enc["input_ids"][0])


def test_seed_fixes_the_weights(tiny_model, tmp_path):
    same = load_file(init_model(tmp_path / "same", "tiny", seed=0) / "model.safetensors")
    other = load_file(init_model(tmp_path / "other", "tiny", seed=1) / "model.safetensors")
    first = load_file(tiny_model / "model.safetensors")
    assert all(torch.equal(first[k], same[k]) for k in first)
    assert not all(torch.equal(first[k], other[k]) for k in first if k in other)
    # one vocabulary for every seed: checkpoints of different seeds can be fused or compared
    assert (tmp_path / "other" / "tokenizer.json").read_text() == (tiny_model / "tokenizer.json").read_text()


def test_size_registry():
    tok = build_tokenizer()
    with torch.device("meta"):  # shapes only: no memory, no init time
        small = Qwen2ForCausalLM(model_config("small", tok))
    assert 25_000_000 <= small.num_parameters() <= 60_000_000
    assert set(SIZES) >= {"tiny", "small"}
    with pytest.raises(ValueError, match="known sizes"):
        model_config("huge", tok)
