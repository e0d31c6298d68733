"""Chunked log-probs of labelled tokens (train/logprobs.py): the same values and gradients as the plain
full-logits computation, and memory that does not grow with the vocabulary times the row length."""

import json
import subprocess
import sys

import pytest
import torch
from transformers import AutoModelForCausalLM

from tinylogic.engine.base import SamplingParams
from tinylogic.engine.hf import sampling_logits
from tinylogic.train.logprobs import IGNORE, labelled_logprobs


def packed_row(vocab: int, length: int = 40, seed: int = 0) -> dict[str, torch.Tensor]:
    """Two packed examples: a prompt (unlabelled) then a labelled completion each."""
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(3, vocab, (1, length), generator=g)
    half = length // 2
    positions = torch.cat([torch.arange(half), torch.arange(length - half)]).unsqueeze(0)
    labels = ids.clone()
    labels[:, :8] = IGNORE
    labels[:, half:half + 8] = IGNORE
    return {"input_ids": ids, "position_ids": positions, "labels": labels}


def plain(model, row, params=None):
    """The reference: full-vocabulary logits of the whole row."""
    logits = model(input_ids=row["input_ids"], position_ids=row["position_ids"], use_cache=False).logits[:, :-1]
    logits = logits.float() if params is None else sampling_logits(logits.float(), params)
    targets = row["labels"][:, 1:]
    mask = targets != IGNORE
    logp = (logits.gather(-1, targets.clamp_min(0).unsqueeze(-1)).squeeze(-1) - logits.logsumexp(-1)) * mask
    probs = logits.softmax(-1)
    entropy = -(probs * probs.clamp_min(1e-30).log()).sum(-1) * mask
    return logp, entropy.detach()


@pytest.mark.parametrize("chunk_tokens", [0, 1, 7, 1024])
@pytest.mark.parametrize("params", [None, SamplingParams(temperature=0.7, top_p=0.9)])
@pytest.mark.parametrize("with_entropy", [True, False])  # two code paths: log-softmax + entropy, cross-entropy
def test_same_values_and_gradients_as_full_logits(tiny_model, chunk_tokens, params, with_entropy):
    model = AutoModelForCausalLM.from_pretrained(str(tiny_model))
    row = packed_row(model.config.vocab_size)
    transform = None if params is None else (lambda logits: sampling_logits(logits, params))
    want, want_entropy = plain(model, row, params)
    want.sum().backward()
    want_grads = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    got, entropy = labelled_logprobs(model, row, chunk_tokens=chunk_tokens, transform=transform,
                                     with_entropy=with_entropy)
    got.sum().backward()
    assert torch.allclose(got, want, atol=1e-5)
    assert torch.allclose(entropy, want_entropy, atol=1e-4) if with_entropy else entropy is None
    assert (got[row["labels"][:, 1:] == IGNORE] == 0).all() and (got[row["labels"][:, 1:] != IGNORE] < 0).all()
    for p, g in zip(model.parameters(), want_grads, strict=True):
        assert torch.allclose(p.grad, g, atol=1e-5)


def test_a_row_without_labels_still_reaches_every_parameter(tiny_model):
    # an idle row (a process with nothing to train under DDP) must still give every parameter a gradient
    model = AutoModelForCausalLM.from_pretrained(str(tiny_model))
    row = packed_row(model.config.vocab_size)
    row["labels"][:] = IGNORE
    logp, _ = labelled_logprobs(model, row, chunk_tokens=7)
    logp.sum().backward()
    assert float(logp.detach().abs().sum()) == 0
    assert all(p.grad is not None for p in model.parameters() if p.requires_grad)


PEAK = """
import json, resource, sys, torch
from transformers import AutoModelForCausalLM, Qwen2Config
from tinylogic.train.logprobs import labelled_logprobs
vocab, chunk, length = (int(a) for a in sys.argv[1:4])
torch.manual_seed(0)
cfg = Qwen2Config(vocab_size=vocab, hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                  num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=length)
model = AutoModelForCausalLM.from_config(cfg)
ids = torch.randint(0, vocab, (1, length))
row = {"input_ids": ids, "position_ids": torch.arange(length).unsqueeze(0), "labels": ids.clone()}
def rss_kb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))
before = rss_kb()
logp, _ = labelled_logprobs(model, row, chunk_tokens=chunk)
logp.sum().backward()
print(json.dumps({"extra_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024}))
"""


def peak_extra_mb(vocab: int, chunk: int, length: int = 2048) -> float:
    out = subprocess.run([sys.executable, "-c", PEAK, str(vocab), str(chunk), str(length)], capture_output=True,
                         text=True, timeout=300, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])["extra_mb"]


def test_peak_memory_is_one_chunk_not_the_whole_row():
    # Qwen2.5's 151,936-token vocabulary: the whole row's fp32 logits, their gradient and softmax copies
    # grow with the row (~3 GB at 1,024 tokens, ~6 GB at 2,048 measured); chunks of 256 positions cost the
    # same (~0.8 GB) whatever the row length
    vocab = 151_936
    whole = {length: peak_extra_mb(vocab, 0, length) for length in (1024, 2048)}
    chunked = {length: peak_extra_mb(vocab, 256, length) for length in (1024, 2048)}
    assert whole[2048] > 1.7 * whole[1024]
    assert chunked[2048] < 1.2 * chunked[1024] + 50
    assert chunked[2048] < whole[2048] / 5


def test_a_model_whose_last_hidden_state_is_not_its_heads_input_is_refused(tiny_model):
    # chunked log-probs feed hidden_states[-1] to the LM head: a model that reports another tensor there
    # (here: doubled by a hook) would train on wrong log-probs, so the first call compares and refuses
    model = AutoModelForCausalLM.from_pretrained(str(tiny_model))
    row = packed_row(model.config.vocab_size)

    def report_other_hidden(module, args, kwargs, out):
        out.hidden_states = (*out.hidden_states[:-1], out.hidden_states[-1] * 2)
        return out

    handle = model.register_forward_hook(report_other_hidden, with_kwargs=True)
    with pytest.raises(ValueError, match="loss_chunk_tokens: 0"):
        labelled_logprobs(model, row)
    handle.remove()
    labelled_logprobs(model, row)  # the model as it is passes, and is then not compared again
    assert model.get_output_embeddings()._tinylogic_input_checked
