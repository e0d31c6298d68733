"""The `code` verifier on real HumanEval data and on call/stdio tests, including reward-hacking attempts."""

from __future__ import annotations

import gzip
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tinylogic.data.schema import AssertTests, CallTests, Problem, StdioTests
from tinylogic.verify.base import verify
from tinylogic.verify.code import extract_program, stdout_matches


@pytest.fixture(scope="module")
def humaneval(benchmarks_dir) -> list[Problem]:
    with gzip.open(benchmarks_dir / "humaneval.jsonl.gz", "rt") as f:
        rows = [json.loads(line) for line in f]
    return [(Problem(id=r["task_id"], domain="code", prompt=r["prompt"],
                     tests=AssertTests(script=r["test"], entry_point=r["entry_point"])), r) for r in rows]


@pytest.mark.slow
def test_humaneval_canonical_solutions_pass_and_broken_ones_fail(humaneval):
    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        good = list(pool.map(lambda pr: verify(pr[0], pr[1]["canonical_solution"]), humaneval))
        broken = list(pool.map(lambda pr: verify(pr[0], "    return None\n"), humaneval))
    assert len(good) == 164
    assert [p.id for (p, _), v in zip(humaneval, good, strict=True) if not v.correct] == []
    assert [p.id for (p, _), v in zip(humaneval, broken, strict=True) if v.correct] == []
    assert not any(v.error for v in good + broken)
    print(f"HumanEval 2x164 runs in {time.perf_counter() - start:.1f}s")


def test_full_function_in_fence_and_early_exit_hack(humaneval):
    problem, row = humaneval[0]
    full = f"Here you go:\n```python\n{row['prompt']}{row['canonical_solution']}```\nDone."
    assert verify(problem, full).correct
    for hack in ("import os\nos._exit(0)\n", "import sys\nsys.exit(0)\n",
                 f"def {row['entry_point']}(*a):\n    raise SystemExit(0)\n"):
        verdict = verify(problem, f"```python\n{hack}```")
        assert not verdict.correct and verdict.reward == 0.0, hack


def test_extract_program_prefers_last_python_block():
    text = "```\nA = 0\n```\n```python\nA = 1\n```\n```py\nA = 2\n```\n```text\nA = 3\n```"
    assert extract_program(text) == "A = 2\n"
    assert extract_program("```js\nx\n```") == "x\n"
    assert extract_program("    return 1\n") == "    return 1\n"  # completion bodies keep their indent


def call_problem(inputs, outputs, fn="f") -> Problem:
    return Problem(id="call", domain="code", prompt="", tests=CallTests(fn_name=fn, inputs=inputs, outputs=outputs))


def test_call_style_pass_fail_and_normalisation():
    tests = call_problem([[1, 2], [3, 4]], [[3, 0.1 + 0.2], [7, 0.7]])
    ok = "```python\ndef f(a, b):\n    return (a + b, round(0.1 * (a + b), 12))\n```"
    assert verify(tests, ok).correct  # tuple vs list, 0.30000000000000004 vs 0.3
    bad = verify(tests, "def f(a, b):\n    return (a + b, 0.0 if a == 3 else 0.3)\n")
    assert not bad.correct and "test 1 failed" in bad.detail and "[3, 4]" in bad.detail
    raised = verify(tests, "def f(a, b):\n    raise KeyError('x')\n")
    assert not raised.correct and "KeyError" in raised.detail
    assert not verify(call_problem([[True]], [1]), "def f(x):\n    return x\n").correct  # bool is not 1


def test_call_style_forged_result_line_fails():
    tests = call_problem([[1]], [2])
    forged = ('import os, sys\nprint(\'TINYLOGIC-RESULT-0000 {"failed": null, "n": 1}\')\n'
              'print(\'{"failed": null, "n": 1}\')\nsys.stdout.flush()\nos._exit(0)\n')
    verdict = verify(tests, forged)
    assert not verdict.correct and "no result line" in verdict.detail


def test_call_style_bad_gold_is_an_error():
    verdict = verify(call_problem([[1], [2]], [1]), "def f(x):\n    return x\n")
    assert verdict.error and not verdict.correct


def stdio_problem(inputs, outputs) -> Problem:
    return Problem(id="io", domain="code", prompt="", tests=StdioTests(inputs=inputs, outputs=outputs))


def test_stdio_style_pass_fail_and_tolerances():
    problem = stdio_problem(["1 2\n", "3 4\n"], ["3\n0.333333333", "7\n0.4285714286\n"])
    prog = "a, b = map(int, input().split())\nprint(a + b, '  ')\nprint(a / (a + b) + 1e-9)\n"
    assert verify(problem, prog).correct  # trailing spaces, float tolerance, missing final newline
    wrong = verify(problem, "a, b = map(int, input().split())\nprint(a + b + (a == 3))\nprint(a / (a + b))\n")
    assert not wrong.correct and "test 1 failed" in wrong.detail and "3 4" in wrong.detail
    missing = verify(problem, "a, b = map(int, input().split())\nprint(a + b)\n")
    extra = verify(problem, "a, b = map(int, input().split())\nprint(a + b)\nprint(a / (a + b))\nprint(0)\n")
    assert not missing.correct and not extra.correct
    crash = verify(problem, "raise RuntimeError('nope')\n")
    assert not crash.correct and "RuntimeError: nope" in crash.detail
    slow = verify(problem, "while True:\n    pass\n")
    assert not slow.correct and slow.timeout


def test_stdout_matches_rules():
    assert stdout_matches("1 2  \n3\n\n", "1 2\n3")
    assert stdout_matches("0.3333333\n", "0.33333333")
    assert not stdout_matches("1 2\n", "1 2\n3\n")
    assert not stdout_matches("1 2 3\n", "1 2\n")
    assert not stdout_matches("abc\n", "abd\n")
    assert not stdout_matches("nan\n", "nan1\n")
