"""Pretraining the embedded base (`recipes/base.yaml`): the raw-text corpus of `tinylogic.data.corpus`
through `train_sft` (a {text} record: every token a label, no chat template), then held-out documents of
another corpus seed scored by whether the model predicts each one's last answer token for token given the
text before it, and (math, code) whether it writes the working and that answer itself, greedily."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from pathlib import Path

import torch

from tinylogic.config import PretrainConfig
from tinylogic.data.corpus import documents
from tinylogic.engine.base import SamplingParams
from tinylogic.engine.hf import HFEngine
from tinylogic.eval.metrics import mean_and_se
from tinylogic.processes import rank_and_world
from tinylogic.train.sft import train_sft

SCORES_FILE = "heldout.json"


def pretrain(start: str | Path, out_dir: str | Path, cfg: PretrainConfig, *, exclude: Collection[str] = (),
             seed: int = 0, progress: bool = True) -> tuple[Path, dict]:
    """Train `start` on `cfg.documents` corpus documents (none of them an `exclude`d prompt) into
    `out_dir/final`; returns it and the held-out scores (also written to `out_dir/heldout.json`)."""
    corpus = documents(cfg.documents, cfg.corpus_seed, cfg.kinds, exclude)
    final = train_sft(start, [{"text": d["text"]} for d in corpus], out_dir, cfg.training, seed=seed,
                      progress=progress)
    scores = answer_accuracy(final, documents(cfg.heldout_documents, cfg.corpus_seed + 1, cfg.kinds, exclude))
    if rank_and_world()[0] == 0:  # under accelerate launch every process trains and scores; one writes
        (Path(out_dir) / SCORES_FILE).write_text(json.dumps(scores, indent=2))
    return final, scores


@torch.no_grad()
def answer_accuracy(model_path: str | Path, docs: Sequence[dict], batch_size: int = 16) -> dict[str, dict]:
    """Per kind: documents, the share whose answer (text from `answer_at` on) is every token the argmax
    given the text before it, its standard error, and the mean over documents of each one's loss per token."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_path))
    model = AutoModelForCausalLM.from_pretrained(str(model_path), dtype=torch.float32).eval()
    hits: dict[str, list[float]] = {}
    losses: dict[str, list[float]] = {}
    for start in range(0, len(docs), batch_size):
        batch = docs[start:start + batch_size]
        enc = tokenizer([d["text"] for d in batch], return_offsets_mapping=True, add_special_tokens=False)
        width = max(len(ids) for ids in enc["input_ids"])
        pad = tokenizer.pad_token_id or 0
        ids = torch.tensor([x + [pad] * (width - len(x)) for x in enc["input_ids"]])
        mask = torch.tensor([[1] * len(x) + [0] * (width - len(x)) for x in enc["input_ids"]])
        logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1].float()
        logp = torch.log_softmax(logits, -1).gather(-1, ids[:, 1:, None])[..., 0]
        right = logits.argmax(-1) == ids[:, 1:]
        for i, doc in enumerate(batch):
            n = len(enc["input_ids"][i])
            # the answer's tokens: every one ending after answer_at (a token may span the boundary, " Merrin")
            first = next(t for t, (_, end) in enumerate(enc["offset_mapping"][i]) if end > doc["answer_at"])
            hits.setdefault(doc["kind"], []).append(float(right[i, max(first, 1) - 1:n - 1].all()))
            losses.setdefault(doc["kind"], []).append(float(-logp[i, :n - 1].mean()))
    solved = solve_accuracy(HFEngine(model, tokenizer=tokenizer, batch_size=batch_size),
                            [d for d in docs if d["working_at"] < d["answer_at"]])
    scores = {}
    for kind, h in hits.items():
        accuracy, se = mean_and_se(h)
        scores[kind] = {"documents": len(h), "answer_accuracy": round(accuracy, 4),
                        "se": None if se is None else round(se, 4), "loss": round(sum(losses[kind]) / len(h), 4)}
        if kind in solved:
            accuracy, se = mean_and_se(solved[kind])
            scores[kind] |= {"solve_accuracy": round(accuracy, 4), "solve_se": None if se is None else round(se, 4)}
    return scores


def solve_accuracy(engine: HFEngine, docs: Sequence[dict]) -> dict[str, list[float]]:
    """Per kind, one hit per document: given the text up to its working (`71 + 33`, `f(9) = `), does the
    greedy continuation's line end with the document's answer (`... = 104.`, `... = -148`)?"""
    if not docs:
        return {}
    room = max(len(engine.tokenizer(d["text"][d["working_at"]:])["input_ids"]) for d in docs) + 8
    samples = engine.generate([d["text"][:d["working_at"]] for d in docs],
                              SamplingParams(temperature=0, max_new_tokens=room, stop=["\n"], seed=0))
    hits: dict[str, list[float]] = {}
    for doc, (sample,) in zip(docs, samples, strict=True):
        hits.setdefault(doc["kind"], []).append(float(sample.text.endswith(" " + doc["text"][doc["answer_at"]:])))
    return hits
