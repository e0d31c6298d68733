"""Evaluation with retrieval: passages attached per question, passage ids per sample row, the
reasoning-vs-knowledge table (closed-book vs with retrieval, chance) and instruction-following rates."""

import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from tinylogic.cli import app
from tinylogic.config import RetrievalConfig
from tinylogic.data.suite import synthesize
from tinylogic.data.suite_knowledge import passages
from tinylogic.eval.harness import ask_with_passages, evaluate_model, evaluate_samples
from tinylogic.eval.report import print_summary
from tinylogic.eval.summary import instruction_following, reasoning_vs_knowledge
from tinylogic.retrieval import build_index


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return build_index(passages(), tmp_path_factory.mktemp("index") / "facts")


@pytest.fixture(scope="module")
def heldout():
    """Two held-out knowledge questions (closed-book in the suite) and one math problem."""
    suite = synthesize(60, seed=1, domains=["math", "knowledge"], heldout_fraction=0.3)
    facts = [p for p in suite if p.domain == "choice" and p.split == "heldout"][:2]
    return [next(p for p in suite if p.domain == "math"), *facts]


def test_ask_with_passages_modes(index, heldout):
    math, *facts = heldout
    asked = ask_with_passages(heldout, "retrieval", index, k=5)
    assert "passages" not in asked[0].meta  # math is not a retrieval domain
    for before, after in zip(facts, asked[1:], strict=True):
        ids = [q["id"] for q in after.meta["passages"]]
        assert len(ids) == 5 and before.meta["fact_id"] in ids  # the passage stating the asked fact
        assert after.id == before.id and "passages" not in before.meta  # copies; the input is untouched
    assert all("passages" not in p.meta for p in ask_with_passages(asked, "closed-book"))
    assert ask_with_passages(asked, "given") == asked
    both = ask_with_passages(asked, "compare", index, k=3)
    assert [p.id for p in both] == [p.id for p in heldout] + [f.id + "@retrieval" for f in facts]
    assert [len(p.meta.get("passages", [])) for p in both] == [0, 0, 0, 3, 3]
    with pytest.raises(ValueError, match="needs an index"):
        ask_with_passages(heldout, "compare")
    with pytest.raises(ValueError, match="choose from"):
        ask_with_passages(heldout, "open-book")


def test_evaluate_model_records_passage_ids_and_compares(tmp_path, tiny_model, index, heldout):
    retrieval = RetrievalConfig(index=str(index), k=4)
    summary = evaluate_model(tiny_model, heldout, tmp_path / "out", n=2, max_new_tokens=8, workers=1,
                             progress=False, passages="compare", retrieval=retrieval)
    rows = [json.loads(line) for line in (tmp_path / "out" / "samples.jsonl").read_text().splitlines()]
    assert len(rows) == 2 * 5
    for row in rows:
        if row["problem_id"].endswith("@retrieval"):
            fact = next(p for p in heldout if p.id + "@retrieval" == row["problem_id"]).meta["fact_id"]
            assert len(row["passage_ids"]) == 4 and fact in row["passage_ids"]
        else:
            assert "passage_ids" not in row  # asked closed-book
    assert summary["settings"]["passages"] == {"mode": "compare", "index": str(index.resolve()), "k": 4,
                                               "domains": ["choice"]}
    table = summary["reasoning_vs_knowledge"]
    assert list(table) == ["math", "reasoning", "knowledge closed-book", "knowledge with retrieval", "knowledge"]
    assert table["knowledge closed-book"]["problems"] == table["knowledge with retrieval"]["problems"] == 2
    assert table["knowledge"]["samples"] == 8
    expected = {pid: sum(r["correct"] for r in rows if r["problem_id"] == pid) / 2 for pid in {r["problem_id"] for r in rows}}
    rag = [v for pid, v in expected.items() if pid.endswith("@retrieval")]
    assert table["knowledge with retrieval"]["accuracy"] == pytest.approx(sum(rag) / 2)
    chance = sum(1 / len(p.choices) for p in heldout[1:]) / 2
    assert table["knowledge closed-book"]["chance"] == pytest.approx(chance)
    html = (tmp_path / "out" / "report.html").read_text()
    assert "Reasoning vs knowledge" in html and "knowledge with retrieval" in html
    # a closed-book run of the same problems is another run: the folder refuses it
    with pytest.raises(ValueError, match="passages"):
        evaluate_model(tiny_model, heldout, tmp_path / "out", n=2, max_new_tokens=8, workers=1, progress=False,
                       passages="closed-book")


def _stat(domain, c, n, chance=None, passages=0):
    return {"domain": domain, "c": c, "n": n, "chance": chance, "passages": passages}


def test_reasoning_vs_knowledge_rows_by_hand():
    stats = [_stat("math", 1, 4), _stat("math", 3, 4), _stat("code", 0, 4),
             _stat("choice", 1, 4, 1 / 4), _stat("choice", 0, 4, 1 / 3),
             _stat("choice", 4, 4, 1 / 4, passages=5), _stat("choice", 2, 4, 1 / 5, passages=5)]
    table = reasoning_vs_knowledge(stats)
    assert table["math"]["accuracy"] == 0.5 and table["code"]["accuracy"] == 0.0
    assert table["reasoning"]["accuracy"] == pytest.approx((0.25 + 0.75 + 0) / 3)
    assert table["knowledge closed-book"]["accuracy"] == 0.125
    assert table["knowledge closed-book"]["chance"] == pytest.approx((1 / 4 + 1 / 3) / 2)
    assert table["knowledge with retrieval"]["accuracy"] == 0.75
    assert table["knowledge with retrieval"]["chance"] == pytest.approx((1 / 4 + 1 / 5) / 2)
    assert table["knowledge"]["problems"] == 4 and table["knowledge"]["samples"] == 16
    assert reasoning_vs_knowledge(stats[:3]) is None  # no knowledge questions
    assert reasoning_vs_knowledge(stats[3:5]) is None  # knowledge asked one way only: nothing to compare
    assert list(reasoning_vs_knowledge(stats[3:])) == ["knowledge closed-book", "knowledge with retrieval",
                                                       "knowledge"]


def test_instruction_following_rates(tmp_path):
    rules = [{"rule": "lowercase"}, {"rule": "ends_with", "phrase": "done."}]
    rows = [{"problem_id": "i", "domain": "instruct", "instructions": rules, "response": r}
            for r in ("all good. done.", "All good. done.", "All good.", "fine")]
    rows.append({"problem_id": "m", "domain": "math", "answer": "1", "response": "\\boxed{1}"})
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    summary = evaluate_samples(path, tmp_path / "out", progress=False)
    follow = summary["instruction_following"]
    assert follow["problems"] == 1 and follow["samples"] == 4
    assert follow["all_rules"] == 0.25  # only the first passes both
    assert follow["rules"] == pytest.approx((1 + 0.5 + 0 + 0.5) / 4)
    assert follow["by_rule"] == {"ends_with": 0.5, "lowercase": 0.5}
    assert "Instruction following" in (tmp_path / "out" / "report.html").read_text()
    console = Console(record=True, width=150)
    print_summary(summary, console)
    assert "all rules passed 0.250" in console.export_text()
    assert instruction_following([r | {"correct": True, "reward": 1.0} for r in rows if r["domain"] == "math"]) is None


def test_cli_retrieval_options_are_checked(tmp_path, index):
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "--model", "m", "--bench", "suite-heldout", "--compare-retrieval"])
    assert result.exit_code == 2 and "needs --index" in result.output
    result = runner.invoke(app, ["eval", "--samples", str(tmp_path / "x.jsonl"), "--index", str(index)])
    assert result.exit_code == 2 and "--model and --bench" in result.output
    result = runner.invoke(app, ["eval", "--model", "m", "--bench", "b", "--closed-book", "--compare-retrieval",
                                 "--index", str(index)])
    assert result.exit_code == 2 and "exclude each other" in result.output
