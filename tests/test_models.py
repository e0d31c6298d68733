"""The embedded default model: local tokenizer + Qwen2 model, loadable through the Auto classes."""

import pytest
import torch
from safetensors.torch import load_file
from transformers import AutoModelForCausalLM, AutoTokenizer, Qwen2ForCausalLM

from tinylogic.data.prompts import solve_prompt
from tinylogic.data.suite import synthesize
from tinylogic.domains.math import MATH_SUFFIX
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


# ---------------------------------------------------------------- base-model hygiene (any pretrained model)

LLAMA3_TEMPLATE = ("{% for m in messages %}{{ '<|start_header_id|>' + m['role'] + '<|end_header_id|>\n\n' + m['content'] "
                   "+ '<|eot_id|>' }}{% endfor %}{% if add_generation_prompt %}"
                   "{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}")


def test_end_of_turn_is_read_from_the_chat_template(tokenizer):
    from tinylogic.models import end_of_turn, stop_token_ids

    assert end_of_turn(tokenizer) == IM_END  # ChatML
    llama = build_tokenizer()
    llama.add_special_tokens({"additional_special_tokens": ["<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]})
    llama.chat_template = LLAMA3_TEMPLATE
    assert end_of_turn(llama) == "<|eot_id|>"
    assert stop_token_ids(llama)[:2] == [llama.convert_tokens_to_ids("<|eot_id|>"), llama.eos_token_id]
    plain = build_tokenizer()
    plain.chat_template = None
    assert end_of_turn(plain) == EOS  # no template: raw text ends with EOS


def test_sft_ends_turns_with_the_templates_end_of_turn_and_saves_it_as_a_stop(tmp_path):
    from tinylogic.config import SFTConfig
    from tinylogic.models import with_stop_tokens
    from tinylogic.train.sft import encode_example, train_sft

    # a base whose generation config knows only EOS, with a Llama-3 style template
    base = init_model(tmp_path / "base", size="tiny")
    tok = AutoTokenizer.from_pretrained(base)
    tok.add_special_tokens({"additional_special_tokens": ["<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]})
    tok.chat_template = LLAMA3_TEMPLATE
    model = AutoModelForCausalLM.from_pretrained(base)
    model.resize_token_embeddings(len(tok))
    model.generation_config.eos_token_id = tok.eos_token_id
    model.save_pretrained(base)
    tok.save_pretrained(base)
    eot = tok.convert_tokens_to_ids("<|eot_id|>")
    example = encode_example(tok, "Compute 1 + 1.", "\\boxed{2}")
    assert example["input_ids"][-1] == eot and example["labels"][-1] == eot  # trained to end the turn
    final = train_sft(base, [{"prompt": "Compute 1 + 1.", "completion": "\\boxed{2}"}] * 4, tmp_path / "sft",
                      SFTConfig(epochs=1, global_batch_size=4, pack_tokens=128), progress=False)
    saved = AutoModelForCausalLM.from_pretrained(final).generation_config.eos_token_id
    assert saved == [eot, tok.eos_token_id]
    assert with_stop_tokens(AutoModelForCausalLM.from_pretrained(final), tok).generation_config.eos_token_id == saved


def test_prompt_beyond_the_context_is_a_clear_error(tiny_model):
    from tinylogic.engine import SamplingParams
    from tinylogic.engine.hf import HFEngine

    engine = HFEngine(tiny_model, device="cpu", dtype="fp32")
    prompt = "1 " * 1000  # ~2,000 tokens against the tiny model's 1,024 positions
    n = len(engine.encode(prompt))
    with pytest.raises(ValueError, match=rf"prompt 1 has {n} tokens; with max_new_tokens 8 that is {n + 8}, "
                                         r"beyond the model's context of 1024 positions"):
        engine.generate(["hi", prompt], SamplingParams(max_new_tokens=8))
    short = engine.generate(["hi"], SamplingParams(temperature=0, max_new_tokens=8))[0][0]  # within it: fine
    assert short.token_ids


def test_untied_embeddings_and_no_pad_token_train_save_and_fuse(tmp_path):
    from tinylogic.config import SFTConfig
    from tinylogic.engine import SamplingParams
    from tinylogic.engine.hf import HFEngine
    from tinylogic.train.fuse import fuse
    from tinylogic.train.sft import train_sft

    tok = build_tokenizer()
    config = model_config("tiny", tok)
    config.tie_word_embeddings = False
    torch.manual_seed(0)
    base = tmp_path / "untied"
    Qwen2ForCausalLM(config).save_pretrained(base)
    tok.pad_token = None  # many base tokenizers have none
    tok.save_pretrained(base)
    assert AutoTokenizer.from_pretrained(base).pad_token is None
    records = [{"prompt": f"Compute {a} + 1.", "completion": f"\\boxed{{{a + 1}}}"} for a in range(8)]
    runs = [train_sft(base, records, tmp_path / f"sft{seed}", SFTConfig(epochs=1, global_batch_size=4, pack_tokens=128,
                                                                         learning_rate=1e-2), seed=seed, progress=False)
            for seed in (0, 1)]
    weights = [load_file(str(r / "model.safetensors")) for r in runs]
    assert "lm_head.weight" in weights[0]  # untied: its own tensor, trained apart from the embeddings
    assert not torch.equal(weights[0]["lm_head.weight"], weights[0]["model.embed_tokens.weight"])
    fused = load_file(str(fuse(runs, tmp_path / "fused") / "model.safetensors"))
    torch.testing.assert_close(fused["lm_head.weight"], (weights[0]["lm_head.weight"] + weights[1]["lm_head.weight"]) / 2)
    engine = HFEngine(tmp_path / "fused", device="cpu", dtype="fp32")  # no pad token: left padding still works
    out = engine.generate(["Compute 3 + 1.", "Compute 12345 + 1, carefully."], SamplingParams(temperature=0,
                                                                                               max_new_tokens=6))
    alone = engine.generate(["Compute 3 + 1."], SamplingParams(temperature=0, max_new_tokens=6))
    assert out[0][0].token_ids == alone[0][0].token_ids
