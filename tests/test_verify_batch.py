"""Batch API and grader files: order, isolation, malformed rows, summary."""

from __future__ import annotations

import json
import time
from pathlib import Path

from rich.console import Console

from tinylogic.data.schema import Problem
from tinylogic.verify.batch import parse_row, render_summary, verify_batch, verify_file


def test_mixed_batch_keeps_order() -> None:
    items = [
        (Problem(id="m1", domain="math", prompt="", answer="4"), r"\boxed{4}"),
        (Problem(id="c1", domain="choice", prompt="", choices=["x", "y"], answer="B"), "Answer: A"),
        (Problem(id="m2", domain="math", prompt="", answer="5"), r"\boxed{6}"),
        (Problem(id="i1", domain="instruct", prompt="", instructions=[{"rule": "lowercase"}]), "ok"),
        (Problem(id="u1", domain="poetry", prompt=""), "?"),
        (Problem(id="m3", domain="math", prompt="", answer=r"\frac{1}{3}"), r"\boxed{2/6}"),
    ]
    verdicts = verify_batch(items, workers=2, progress=True)
    assert [v.correct for v in verdicts] == [True, False, False, True, False, True]
    assert verdicts[4].error and "poetry" in verdicts[4].detail


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_verify_file_rows_errors_and_summary(tmp_path: Path) -> None:
    rows = [
        json.dumps({"id": "a", "domain": "math", "answer": "12", "response": r"so \boxed{12}"}),
        "{not json",
        json.dumps({"id": "b", "domain": "math", "response": r"\boxed{1}"}),  # no answer
        json.dumps({"id": "c", "domain": "choice", "answer": "A", "choices": ["p", "q"], "response": "q"}),
        json.dumps({"id": "d", "domain": "instruct", "instructions": [{"rule": "no_commas"}], "response": 3}),
        json.dumps({"id": 7, "domain": "math", "answer": 2, "response": r"\boxed{2}"}),
        json.dumps({"id": "e", "domain": "code", "tests": {"style": "call", "fn_name": "f"}, "response": "x"}),
    ]
    out = tmp_path / "out.jsonl"
    summary = verify_file(_write(tmp_path / "in.jsonl", rows), out, workers=2)
    results = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(results) == len(rows)
    assert [r["correct"] for r in results] == [True, False, False, False, False, True, False]
    assert results[0]["id"] == "a" and "error" not in results[0] and results[5]["id"] == "7"
    assert results[1]["error"] and "line 2" in results[1]["detail"]
    assert results[2]["error"] and "line 3" in results[2]["detail"] and "'answer'" in results[2]["detail"]
    assert results[4]["error"] and "line 5" in results[4]["detail"] and "'response'" in results[4]["detail"]
    assert results[6]["error"] and "line 7" in results[6]["detail"] and "tests" in results[6]["detail"]
    assert summary["rows"] == 7 and summary["correct"] == 2 and summary["malformed"] == 4
    assert summary["by_domain"]["math"] == {"rows": 2, "correct": 2, "timeouts": 0, "errors": 0, "accuracy": 1.0}
    assert summary["by_domain"]["choice"]["accuracy"] == 0.0
    console = Console(record=True, width=100)
    render_summary(summary, console)
    text = console.export_text()
    assert "math" in text and "28.6%" in text and "4 malformed" in text


def test_parse_row_builds_the_problem() -> None:
    problem = parse_row(1, {"id": "x", "domain": "code", "response": "",
                            "tests": {"style": "stdio", "inputs": ["1"], "outputs": ["1"]}})
    assert problem.tests is not None and problem.tests.style == "stdio"


def test_cancel_skips_the_items_not_started():
    # a server's timed-out request sets the event: only the checks already running finish
    import threading

    from tinylogic.data.schema import Problem, StdioTests

    slow = "import time\ntime.sleep(1.5)\nprint(input())"
    items = [(Problem(id=f"s{i}", domain="code", prompt="", tests=StdioTests(inputs=["1"], outputs=["1"])),
              f"```python\n{slow}\n```") for i in range(8)]
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    start = time.monotonic()
    verdicts = verify_batch(items, workers=2, cancel=cancel)
    took = time.monotonic() - start
    ran = [v for v in verdicts if not v.error]
    skipped = [v for v in verdicts if v.error]
    assert len(ran) == 2 and all(v.correct for v in ran)  # the two running when it was set
    assert len(skipped) == 6 and all(v.detail == "cancelled before it ran" for v in skipped)
    assert took < 6  # not the 8 × 1.5 s / 2 workers = 6 s of running them all


def test_cancel_stops_math_checks_not_started():
    # math rows go to the shared math pool: once a request is gone, its rows not sent yet are skipped, so it
    # neither keeps the math workers busy nor holds their lock against other requests (issue #22 item 2)
    import threading

    from tinylogic.verify.math import verify_math_many

    cancel = threading.Event()
    # expressions, not plain numbers: plain numbers are decided in the caller, without the pool
    items = [(Problem(id=f"m{i}", domain="math", prompt="", answer=f"x+{i}"), f"\\boxed{{{i}+x}}") for i in range(6)]
    verdicts = verify_math_many(items, workers=1, on_done=lambda i, v: cancel.set(), cancel=cancel)
    assert verdicts[0].correct  # the one running when the event was set
    assert all(v.error and v.detail == "cancelled before it ran" for v in verdicts[1:])
    # set before the call (the request timed out while another request held the pool): nothing runs
    assert all(v.detail == "cancelled before it ran" for v in verify_batch(items, workers=1, cancel=cancel))
