"""The embedded default model: a locally built tokenizer and a Qwen2-architecture model from a config.

Nothing is downloaded. The tokenizer is a byte-level BPE (Qwen2's own layout: digits split one per
token by the pre-tokenizer, bytes underneath) trained on text from the built-in suite. Why BPE and not
characters: merges make the suite's recurring words ("carry", "Claim:", "\\boxed{", "return") single
tokens, so sequences are ~2x shorter than character-level and sampling on 2 CPU cores is ~2x faster,
while digits stay one per token (what arithmetic needs). Why byte-level: every string encodes and
decodes back exactly (an AIME problem, LaTeX, emoji; after Qwen2's NFC normalisation), so no `unk`
token is ever produced.

`init_model(out_dir, size, seed)` writes a `save_pretrained` folder (safetensors, tokenizer, ChatML
chat template, generation config) that `AutoTokenizer` / `AutoModelForCausalLM` load unchanged.

A pretrained model comes in through `import_model` (a GGUF file, or a folder / name transformers loads):
a plain `save_pretrained` folder whose `generation_config.eos_token_id` lists the chat template's
end-of-turn token (`end_of_turn`), which SFT ends completions with and the engine stops at.
"""

from __future__ import annotations

import functools
import importlib.util
from contextlib import contextmanager
from pathlib import Path

import torch
from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers
from transformers import GenerationConfig, PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM
from transformers.utils import logging as hf_logging

EOS, IM_START, IM_END = "<|endoftext|>", "<|im_start|>", "<|im_end|>"
SPECIAL_TOKENS = [EOS, IM_START, IM_END]
VOCAB_SIZE = 1024  # 256 bytes + 3 specials + ~765 merges of the suite's words (all four domains)
TOKENIZER_CORPUS_PROBLEMS = 400
TOKENIZER_SEED = 0  # fixed: the tokenizer does not vary with the model seed
TOKENIZER_DOMAINS = ("math", "code", "knowledge", "instruct")

# Qwen2's pre-tokenizer split: words, single digits, punctuation runs, newlines, spaces.
QWEN2_SPLIT = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*"
               r"|\s*[\r\n]+|\s+(?!\S)|\s+")

# ChatML as Qwen2 writes it, without a default system turn (it would cost every sample ~20 tokens).
CHAT_TEMPLATE = (
    "{%- for message in messages %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)

# Model sizes: tiny trains in minutes on 2 CPU cores (~1.7M parameters); small is a GPU size (~38M).
SIZES: dict[str, dict] = {
    "tiny": {"hidden_size": 192, "intermediate_size": 576, "num_hidden_layers": 4, "num_attention_heads": 4,
             "num_key_value_heads": 2, "max_position_embeddings": 1024},
    "small": {"hidden_size": 512, "intermediate_size": 1536, "num_hidden_layers": 12, "num_attention_heads": 8,
              "num_key_value_heads": 4, "max_position_embeddings": 4096},
}


def tokenizer_corpus(n: int = TOKENIZER_CORPUS_PROBLEMS) -> list[str]:
    """Suite prompts and completions of every kind (solve, claim extract/check) and the chat roles.
    Special tokens stay out: they are added whole, and merges spent on their pieces would be wasted."""
    from tinylogic.data.suite import sft_records, synthesize

    texts = ["system\n", "user\n", "assistant\n"] * 50
    # Every built-in domain, knowledge questions with their passages: made-up names, options and rules
    # then take a few tokens each instead of one per byte (prompts with 5 passages ~2x shorter).
    problems = synthesize(n, seed=TOKENIZER_SEED, domains=TOKENIZER_DOMAINS, passage_fraction=1.0, passages_k=5)
    for r in sft_records(problems):
        texts += [r["prompt"], r["completion"]]
    return texts


@functools.lru_cache(maxsize=4)
def _trained_bpe(vocab_size: int) -> str:
    tok = Tokenizer(models.BPE())
    tok.normalizer = normalizers.NFC()  # as Qwen2's tokenizer (which AutoTokenizer picks for this folder)
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(QWEN2_SPLIT), behavior="isolated"),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
    ])
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=SPECIAL_TOKENS, min_frequency=2,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(tokenizer_corpus(), trainer=trainer)
    return tok.to_str()


def build_tokenizer(vocab_size: int = VOCAB_SIZE) -> PreTrainedTokenizerFast:
    """The byte-level BPE trained on the suite corpus, wrapped for transformers (ChatML template).
    The same for every model seed, so checkpoints of different seeds share one vocabulary."""
    tok = Tokenizer.from_str(_trained_bpe(vocab_size))
    wrapped = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token=EOS, pad_token=EOS,
                                      additional_special_tokens=[IM_START, IM_END],
                                      clean_up_tokenization_spaces=False, model_max_length=None)
    wrapped.chat_template = CHAT_TEMPLATE
    return wrapped


def model_config(size: str, tokenizer: PreTrainedTokenizerFast, **shape: int) -> Qwen2Config:
    """The named size's Qwen2 config; `shape` overrides its fields (e.g. hidden_size=288: other widths measured in
    benchmarks/bench_model_size.py)."""
    if size not in SIZES:
        raise ValueError(f"model size {size!r}: unknown; known sizes: {sorted(SIZES)}")
    eos = tokenizer.convert_tokens_to_ids(EOS)
    return Qwen2Config(vocab_size=len(tokenizer), tie_word_embeddings=True, rms_norm_eps=1e-6,
                       rope_parameters={"rope_type": "default", "rope_theta": 10000.0},
                       bos_token_id=eos, eos_token_id=eos, pad_token_id=eos, **(SIZES[size] | shape))


def init_model(out_dir: str | Path, size: str = "tiny", seed: int = 0, **shape: int) -> Path:
    """Build the tokenizer and a randomly initialised Qwen2 model (weights fixed by `seed`; `shape` as in
    `model_config`) and save both into `out_dir`; returns `out_dir`."""
    out = Path(out_dir)
    tokenizer = build_tokenizer()
    config = model_config(size, tokenizer, **shape)
    torch.manual_seed(seed)
    model = Qwen2ForCausalLM(config)
    # Chat turns end with <|im_end|>; raw text ends with <|endoftext|>: generation stops at either.
    eos, im_end = config.eos_token_id, tokenizer.convert_tokens_to_ids(IM_END)
    model.generation_config = GenerationConfig(bos_token_id=eos, eos_token_id=[im_end, eos], pad_token_id=eos)
    out.mkdir(parents=True, exist_ok=True)
    with quiet_loading():
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)
    return out


@contextmanager
def quiet_loading():
    """transformers' own "Loading weights" bars off (the caller reports progress), restored after."""
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if bars:
            hf_logging.enable_progress_bar()


# ---------------------------------------------------------------- pretrained models

SENTINEL = "\u2063tinylogic-end-of-turn-probe\u2063"  # text no chat template contains


def end_of_turn(tokenizer) -> str:
    """The token the chat template closes an assistant turn with (`<|im_end|>` for ChatML, `<|eot_id|>` for
    Llama 3, `<end_of_turn>` for Gemma): the special token right after the turn's content when the template
    is rendered. Without a template, or when the content is followed by no special token: the EOS token."""
    eos = tokenizer.eos_token or ""
    if not tokenizer.chat_template:
        return eos
    turns = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": SENTINEL}]
    try:
        text = tokenizer.apply_chat_template(turns, tokenize=False)
    except Exception:  # noqa: BLE001 -- a template that refuses this conversation: fall back to EOS
        return eos
    after = text.partition(SENTINEL)[2]
    specials = sorted(set(tokenizer.all_special_tokens) | set(tokenizer.get_added_vocab()), key=len, reverse=True)
    return next((t for t in specials if t and after.lstrip(" ").startswith(t)), eos)


def stop_token_ids(tokenizer, generation_config=None) -> list[int]:
    """Ids generation stops at: the end-of-turn token, the tokenizer's EOS, and any the model's generation
    config already lists (in that order, without repeats)."""
    ids = [tokenizer.convert_tokens_to_ids(end_of_turn(tokenizer)), tokenizer.eos_token_id]
    if generation_config is not None and generation_config.eos_token_id is not None:
        listed = generation_config.eos_token_id
        ids += listed if isinstance(listed, list) else [listed]
    return [int(i) for i in dict.fromkeys(ids) if i is not None and i >= 0]


def with_stop_tokens(model, tokenizer):
    """Make the model's generation config stop at the end-of-turn token (and give it a pad id), so every
    folder saved from it tells transformers' `generate` and vLLM where a chat turn ends. Returns `model`."""
    stops = stop_token_ids(tokenizer, model.generation_config)
    model.generation_config.eos_token_id = stops if len(stops) > 1 else stops[0]
    if model.generation_config.pad_token_id is None:
        model.generation_config.pad_token_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else stops[0]
    return model


def context_length(model) -> int | None:
    """Positions the model was trained for (`max_position_embeddings`), None when its config has no such
    limit."""
    return getattr(model.config, "max_position_embeddings", None)


def import_model(source: str | Path, out_dir: str | Path, dtype: str = "auto") -> Path:
    """A pretrained model as a plain `save_pretrained` folder (safetensors, tokenizer and chat template,
    generation config stopping at the end-of-turn token) that every stage loads.

    `source`: a `.gguf` file (needs the `gguf` package: `pip install tinylogic[gguf]`; quantised tensors are
    dequantised), or a folder / hub name that transformers loads from local files. `dtype`: auto keeps the
    loaded dtype (fp32 for GGUF), or bf16 / fp32."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    source, out = Path(source), Path(out_dir)
    kwargs: dict = {}
    if source.suffix == ".gguf":
        if not source.is_file():
            raise FileNotFoundError(f"model import: {source}: no such GGUF file")
        if importlib.util.find_spec("gguf") is None:
            raise ImportError("model import: reading GGUF needs the gguf package: pip install 'tinylogic[gguf]'")
        kwargs = {"gguf_file": source.name}
        source = source.parent
    dtypes = {"auto": None, "bf16": torch.bfloat16, "fp32": torch.float32}
    if dtype not in dtypes:
        raise ValueError(f"model import: dtype {dtype!r}: choose one of {', '.join(dtypes)}")
    with quiet_loading():
        tokenizer = AutoTokenizer.from_pretrained(str(source), **kwargs)
        loaded = AutoModelForCausalLM.from_pretrained(str(source), **kwargs)
        if getattr(loaded, "hf_quantizer", None) is not None:
            # transformers refuses to save a model loaded through a quantiser (GGUF among them), though its
            # tensors are already dequantised: move them into a plain model of the same config
            config = loaded.config
            del config.quantization_config
            with torch.device("meta"):
                plain = AutoModelForCausalLM.from_config(config, dtype=loaded.dtype)
            plain.load_state_dict(loaded.state_dict(), assign=True)
            plain.tie_weights()
            plain.generation_config = loaded.generation_config
            loaded = plain
        if dtypes[dtype] is not None:
            loaded = loaded.to(dtypes[dtype])
        with_stop_tokens(loaded, tokenizer)
        out.mkdir(parents=True, exist_ok=True)
        loaded.save_pretrained(out)
        tokenizer.save_pretrained(out)
    return out


def checkpoint_activations(model) -> None:
    """Recompute each layer's activations in backward (non-reentrant). transformers 5.2x renamed the
    switch (the old name warns); older releases (vLLM's pin) know only the old one."""
    if hasattr(model, "activation_checkpointing_enable"):
        model.activation_checkpointing_enable(activation_checkpointing_kwargs={"use_reentrant": False})
    else:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
