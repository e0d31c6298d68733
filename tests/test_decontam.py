import json

import numpy as np
import pytest

from tinylogic.data.decontam import (
    _window_hashes,
    build_index,
    decontaminate,
    decontaminate_files,
    normalize,
    scan,
    words,
)
from tinylogic.data.loaders import load_problems, write_problems
from tinylogic.data.schema import Problem, Trace


@pytest.fixture(scope="module")
def aime(benchmarks_dir):
    return load_problems(benchmarks_dir / "aime24.parquet")


def _row(id, prompt, answer="1", traces=()):
    return Problem(
        id=id,
        domain="math",
        prompt=prompt,
        answer=answer,
        traces=[Trace(strategy="s", text=t) for t in traces],
    )


CLEAN = [
    _row(
        "clean-1",
        "Ava buys 12 apples at the market and gives 5 of them to Ben. How many apples are left for her now?",
    ),
    _row(
        "clean-2",
        "A train leaves the station at noon and travels at sixty miles per hour for three hours. How far does it go?",
    ),
]


def test_normalize_strips_case_punctuation_and_unicode_symbols():
    assert normalize("Let's  SOLVE: $x^2 \\le 5$, (fast)!") == "let s solve x 2 le 5 fast"
    assert normalize("“Größe” ≤ 5×3 — done…") == "größe 5 3 done"
    assert words("\\frac{a}{b}") == ["frac", "a", "b"]


def test_planted_near_copy_of_aime_problem_is_dropped(aime):
    target = aime[7]
    # changed case and punctuation, embedded in other text
    copy = target.prompt.upper().replace(",", ";").replace("$", "").replace(".", "!")
    train = [CLEAN[0], _row("planted", f"Warm-up first. {copy} Good luck!"), CLEAN[1]]
    kept, report = decontaminate(train, aime)
    assert [p.id for p in kept] == ["clean-1", "clean-2"]
    assert len(report) == 1
    row = report[0]
    assert row["train_id"] == "planted" and row["eval_id"] == target.id and row["eval_source"] == "aime24"
    assert len(row["ngram"].split()) == 10 and row["ngram"] in normalize(target.prompt)
    # the first shared n-gram of the training text is reported
    assert row["ngram"] == " ".join(words(target.prompt)[:10])


def test_copy_inside_a_trace_is_dropped(aime):
    train = [
        _row("t", "An unrelated question about nothing at all.", traces=["Recall: " + aime[3].prompt.lower()])
    ]
    kept, report = decontaminate(train, aime)
    assert kept == [] and report[0]["eval_id"] == aime[3].id


def test_n_is_configurable():
    against = [_row("ev", "the quick brown fox jumps over a lazy sleeping dog today")]
    shared_5 = "Quick, brown fox: jumps over!"  # shares exactly the 5-gram "quick brown fox jumps over"
    train = [_row("t", f"Yesterday a {shared_5} the fence near my house, said someone else entirely.")]
    assert decontaminate(train, against, n=10)[1] == []
    kept, report = decontaminate(train, against, n=5)
    assert kept == [] and report[0]["ngram"] == "quick brown fox jumps over"


def test_texts_shorter_than_n_words_cannot_match():
    against = [_row("ev", "Compute 2 + 2.", answer="4")]
    kept, report = decontaminate([_row("t", "Compute 2 + 2.", answer="4")], against, n=10)
    assert report == [] and len(kept) == 1


def test_hash_hit_is_confirmed_with_the_actual_ngram(aime):
    index = build_index(aime, 10)
    # eval words in an order no eval item has: forge a table entry with that window's hash
    fake = list(reversed(index.tokens[0][:10]))
    ids = np.array([index.vocab[w] for w in fake], np.int64)
    hashes, valid = _window_hashes(ids, index.codes, 10)
    assert valid.all()
    index.table[int(hashes[0])] = 0
    forged = index._replace(keys=np.sort(np.append(index.keys, hashes[0])))
    kept, report = scan([_row("t", " ".join(fake))], forged)
    assert report == [] and len(kept) == 1


def test_decontaminate_files(tmp_path, benchmarks_dir):
    against = [benchmarks_dir / "aime24.parquet", benchmarks_dir / "gsm8k_test.jsonl"]
    gsm = load_problems(against[1], limit=3)
    train = [*CLEAN, _row("copy", gsm[2].prompt.title())]
    write_problems(tmp_path / "train.jsonl", train)
    summary = decontaminate_files(
        tmp_path / "train.jsonl", against, tmp_path / "out.jsonl", tmp_path / "report.jsonl"
    )
    assert summary["train"] == 3 and summary["kept"] == 2 and summary["dropped"] == 1
    assert summary["against"] == 30 + 1319 and summary["dropped_by_eval_source"] == {"gsm8k_test": 1}
    assert [p.id for p in load_problems(tmp_path / "out.jsonl")] == ["clean-1", "clean-2"]
    report = [json.loads(line) for line in (tmp_path / "report.jsonl").read_text().splitlines()]
    assert report[0]["train_id"] == "copy" and report[0]["eval_id"] == gsm[2].id


def test_many_rows_across_chunks(aime, monkeypatch):
    import tinylogic.data.decontam as decontam

    monkeypatch.setattr(decontam, "_CHUNK_ROWS", 7)  # rows and row-crossing windows at chunk edges
    train = [CLEAN[i % 2].model_copy(update={"id": f"c{i}"}) for i in range(40)]
    for i in (0, 6, 7, 39):
        train[i] = _row(f"p{i}", aime[i % 30].prompt.swapcase())
    kept, report = decontaminate(train, aime)
    assert [r["train_id"] for r in report] == ["p0", "p6", "p7", "p39"]
    assert [r["eval_id"] for r in report] == [aime[i % 30].id for i in (0, 6, 7, 39)]
    assert len(kept) == 36
