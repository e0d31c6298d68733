"""N-gram decontamination (docs/RECIPE.md §0): drop every training row that shares a word n-gram
(default 10) with an evaluation item, after normalising both sides the same way.

How it stays fast at 100k+ rows: evaluation words get ids (a word no eval item uses can't be part
of a shared n-gram, so it gets id 0 and every window holding it is skipped); each n-gram is hashed
with a vectorised polynomial hash over random 64-bit word codes; one dict maps eval hash -> eval row;
a hit is confirmed with the actual n-gram, so a hash collision never drops a row.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np

from tinylogic.data.loaders import load_problems, write_problems
from tinylogic.data.schema import Problem

DEFAULT_N = 10
_CHUNK_ROWS = 20_000  # training rows hashed per numpy pass: bounds memory at ~100 MB
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant for the polynomial hash

# ASCII fast path: letters/digits lowercased, every other ASCII char (punctuation, symbols) -> space.
_ASCII_TABLE = {c: (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)}
# General path: a word is a maximal run of letters and numbers (Unicode categories L* and N*, which
# is what `\w` minus `_` matches); punctuation (P*), symbols (S*: LaTeX's \ { } ^ $, ≤, ×, ...),
# marks and controls all separate words.
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Normalised words of `text`: NFKC, lowercased, punctuation and symbols removed."""
    if text.isascii():
        return text.translate(_ASCII_TABLE).split()
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def normalize(text: str) -> str:
    """The normalised text n-grams are taken from: words joined by single spaces."""
    return " ".join(words(text))


def train_text(problem: Problem) -> str:
    """A training row is contaminated if its prompt, answer or any trace overlaps an eval item."""
    return "\n".join([problem.prompt, problem.answer or "", *(t.text for t in problem.traces)])


def eval_text(problem: Problem) -> str:
    return f"{problem.prompt}\n{problem.answer or ''}"


def ngrams(tokens: Sequence[str], n: int) -> list[tuple[str, ...]]:
    """Word n-grams of `tokens`. Texts shorter than n words have none, so they can never be matched
    (or match anything) under an n-gram rule: that is a limit of the rule, not a bug."""
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


class NgramIndex(NamedTuple):
    """Hashed n-grams of the evaluation items."""

    n: int
    against: list[Problem]
    vocab: dict[str, int]  # eval word -> id (1-based; 0 means "not an eval word")
    codes: np.ndarray  # id -> random 64-bit code (codes[0] unused)
    table: dict[int, int]  # n-gram hash -> index of the first eval item that has it
    keys: np.ndarray  # sorted hashes of `table`, for vectorised membership tests
    tokens: list[list[str]]  # normalised words of each eval item, to confirm hits


def _window_hashes(ids: np.ndarray, codes: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Hash of every length-n window of `ids`, and whether the window holds only eval words."""
    count = len(ids) - n + 1
    if count <= 0:
        return np.empty(0, np.uint64), np.empty(0, bool)
    values = codes[ids]
    hashes = values[:count].copy()
    for k in range(1, n):  # h = (((v0·M + v1)·M + v2)·M ...) mod 2^64
        hashes *= _MULTIPLIER
        hashes += values[k : k + count]
    unknown = np.concatenate(([0], np.cumsum(ids == 0)))
    return hashes, unknown[n:] == unknown[:count]


def build_index(against: Sequence[Problem], n: int = DEFAULT_N, *, seed: int = 0) -> NgramIndex:
    """Index the n-grams of the evaluation items (prompt + answer)."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    tokens = [words(eval_text(p)) for p in against]
    vocab: dict[str, int] = {}
    for toks in tokens:
        for w in toks:
            vocab.setdefault(w, len(vocab) + 1)
    codes = np.random.default_rng(seed).integers(0, 2**64, size=len(vocab) + 1, dtype=np.uint64)
    table: dict[int, int] = {}
    for j, toks in enumerate(tokens):
        hashes, _ = _window_hashes(np.array([vocab[w] for w in toks], np.int64), codes, n)
        for h in hashes.tolist():
            table.setdefault(h, j)
    keys = np.array(sorted(table), np.uint64)
    return NgramIndex(n, list(against), vocab, codes, table, keys, tokens)


def _member(values: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """values ∈ sorted_keys, elementwise (binary search: faster than np.isin's sort here)."""
    if not len(sorted_keys):
        return np.zeros(len(values), bool)
    at = np.minimum(np.searchsorted(sorted_keys, values), len(sorted_keys) - 1)
    return sorted_keys[at] == values


def _first_match(
    toks: list[str], positions: np.ndarray, hashes: np.ndarray, index: NgramIndex, eval_grams: dict
):
    """First confirmed (eval index, n-gram) among candidate window positions of one row.
    `eval_grams` caches each eval item's n-gram set across rows."""
    for pos, h in zip(positions.tolist(), hashes.tolist(), strict=True):
        j = index.table[h]
        if j not in eval_grams:
            eval_grams[j] = set(ngrams(index.tokens[j], index.n))
        gram = tuple(toks[pos : pos + index.n])
        if gram in eval_grams[j]:  # rules out hash collisions
            return j, gram
    return None


def scan(train: Sequence[Problem], index: NgramIndex) -> tuple[list[Problem], list[dict]]:
    """Split `train` into kept rows and a report row per dropped row."""
    n, get = index.n, index.vocab.get
    kept: list[Problem] = []
    report: list[dict] = []
    eval_grams: dict[int, set[tuple[str, ...]]] = {}
    for start in range(0, len(train), _CHUNK_ROWS):
        chunk = train[start : start + _CHUNK_ROWS]
        toks = [words(train_text(p)) for p in chunk]
        # One id array for the chunk. "" (never an eval word, so id 0) ends each row, which makes
        # every row-crossing window invalid. map(get, ..., repeat(0)) runs get(w, 0) in C.
        for row in toks:
            row.append("")
        total = sum(map(len, toks))
        ids = np.fromiter(map(get, chain.from_iterable(toks), repeat(0)), np.int64, count=total)
        row_starts = np.cumsum([0] + [len(t) for t in toks[:-1]])
        hashes, valid = _window_hashes(ids, index.codes, n)
        pos = np.flatnonzero(valid)
        hit = pos[_member(hashes[pos], index.keys)]
        rows = np.searchsorted(row_starts, hit, side="right") - 1
        matches: dict[int, tuple[int, tuple[str, ...]]] = {}
        uniq, first = np.unique(rows, return_index=True)  # hits are sorted, so rows are too
        groups = np.split(hit, first[1:]) if len(hit) else []
        for r, at in zip(uniq.tolist(), groups, strict=True):
            found = _first_match(toks[r], at - row_starts[r], hashes[at], index, eval_grams)
            if found is not None:
                matches[r] = found
        for r, problem in enumerate(chunk):
            if r not in matches:
                kept.append(problem)
                continue
            j, gram = matches[r]
            report.append(
                {
                    "train_id": problem.id,
                    "eval_id": index.against[j].id,
                    "eval_source": index.against[j].source,
                    "ngram": " ".join(gram),
                }
            )
    return kept, report


def decontaminate(
    train: list[Problem], against: list[Problem], n: int = DEFAULT_N
) -> tuple[list[Problem], list[dict]]:
    """Drop training rows that share a normalised word n-gram with any `against` item.

    Training text = prompt + answer + traces; eval text = prompt + answer. Returns the kept rows
    (order preserved) and one report row per dropped row: {"train_id", "eval_id", "eval_source",
    "ngram"}, where ngram is the first shared n-gram (normalised) in the training text. Texts shorter
    than n words have no n-grams and can't be matched by this rule.
    """
    return scan(train, build_index(against, n))


def decontaminate_files(
    train_path: str | Path,
    against_paths: Sequence[str | Path],
    out_path: str | Path,
    report_path: str | Path,
    n: int = DEFAULT_N,
) -> dict:
    """File version of `decontaminate`: kept rows -> `out_path` (JSONL), report -> `report_path`
    (JSONL). Returns a summary with counts per eval source and timings in seconds."""
    t0 = time.perf_counter()
    train = load_problems(train_path)
    against = [p for path in against_paths for p in load_problems(path)]
    t1 = time.perf_counter()
    index = build_index(against, n)
    t2 = time.perf_counter()
    kept, report = scan(train, index)
    t3 = time.perf_counter()
    write_problems(out_path, kept)
    report_path = Path(report_path)
    report_path.parent.mkdir(parents=True, exist_ok=True)
    with open(report_path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in report)
    return {
        "n": n,
        "train": len(train),
        "against": len(against),
        "kept": len(kept),
        "dropped": len(report),
        "dropped_by_eval_source": dict(Counter(row["eval_source"] for row in report)),
        "seconds": {"load": t1 - t0, "index": t2 - t1, "scan": t3 - t2},
    }
