"""The `code` verifier: run the response's program against the problem's tests in the sandbox.

Three test styles (tinylogic/data/schema.py): `assert` (HumanEval: tests call `check(entry_point)`),
`call` (call `fn_name(*inputs[i])`, compare with `outputs[i]`, all in one run) and `stdio` (one run
per input, stdout compared line by line). Reward is 1.0 only when every test passes.

Tests are passed to the sandbox as an *epilogue*: compiled separately from the program and ending with a
line carrying a per-run random nonce, so a program that exits 0 early or prints a fake result line does
not pass (limits of this in docs/SANDBOX.md).
"""

from __future__ import annotations

import json
import math
import re
import secrets

from pydantic import BaseModel

from tinylogic.data.schema import AssertTests, CallTests, Problem, StdioTests, Verdict
from tinylogic.verify.sandbox import RunResult, SandboxLimits, run_python

FENCE = re.compile(r"```[ \t]*([\w+-]*)[^\n]*\n(.*?)```", re.S)
PYTHON_TAGS = {"python", "py", "python3"}
FLOAT_TOL = 1e-6
SHOW = 200  # characters of input/expected/got kept in a detail


class CodeVerifyConfig(BaseModel):
    timeout: float = 5.0  # wall seconds per sandbox run (a call-style run holds all its tests)
    memory_mb: int = 1024
    output_bytes: int = 1 << 20
    max_stdio_tests: int | None = None  # run only the first N stdio tests (None: all)

    def limits(self) -> SandboxLimits:
        return SandboxLimits(memory_mb=self.memory_mb, output_bytes=self.output_bytes)


def extract_program(response: str) -> str:
    """Last ```python block, else the last fenced block of any language, else the raw text."""
    blocks = FENCE.findall(response)
    python = [body for tag, body in blocks if tag.lower() in PYTHON_TAGS]
    if python or blocks:
        return (python or [b for _, b in blocks])[-1].rstrip() + "\n"
    return response.rstrip() + "\n"  # leading indentation kept: completion-style bodies start indented


def verify_code(problem: Problem, response: str, config: CodeVerifyConfig | None = None) -> Verdict:
    config = config or CodeVerifyConfig()
    tests = problem.tests
    if tests is None:
        return Verdict(correct=False, reward=0.0, error=True, detail=f"problem {problem.id}: no `tests` field")
    program = extract_program(response)
    try:
        passed, detail, timeout = STYLES[tests.style](problem, program, config)
    except BadTests as exc:
        return Verdict(correct=False, reward=0.0, error=True, detail=f"problem {problem.id}: {exc}")
    return Verdict(correct=passed, reward=float(passed), detail=detail, timeout=timeout)


class BadTests(ValueError):
    """The gold tests are malformed (the problem's fault, not the response's)."""


def _failure(res: RunResult) -> str:
    if res.timed_out:
        return "timeout"
    if res.killed_reason:
        return f"killed ({res.killed_reason})"
    last = (res.stderr.strip().splitlines() or ["no output on stderr"])[-1]
    return f"runtime error (exit {res.returncode}): {last[:SHOW]}"


def _defines(program: str, name: str) -> bool:
    return re.search(rf"^\s*(async\s+)?def\s+{re.escape(name)}\s*\(", program, re.M) is not None


def check_assert(problem: Problem, program: str, config: CodeVerifyConfig) -> tuple[bool, str, bool]:
    tests: AssertTests = problem.tests
    entry = tests.entry_point
    if entry and not _defines(program, entry) and _defines(problem.prompt, entry):
        program = problem.prompt + program  # completion-style response: the body of the prompt's header
    marker = f"TINYLOGIC-PASS-{secrets.token_hex(16)}"
    epilogue = tests.script + (f"\ncheck({entry})\n" if entry else "\n")
    epilogue += f"import sys as _s\n_s.stdout.flush()\n_s.stdout.write({marker!r} + '\\n')\n"
    res = run_python(program, epilogue=epilogue, timeout=config.timeout, limits=config.limits())
    if res.returncode == 0 and marker in res.stdout.splitlines():
        return True, "all tests passed", False
    if res.returncode == 0:
        return False, "program exited before the tests ran (no pass marker)", False
    return False, _failure(res), res.timed_out


CALL_HARNESS = """
import json as _json, math as _math, sys as _sys
def _norm(x):
    if isinstance(x, (list, tuple)):
        return [_norm(v) for v in x]
    if isinstance(x, dict):
        return {str(k): _norm(v) for k, v in x.items()}
    return x
def _same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b if isinstance(a, bool) and isinstance(b, bool) else False
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or _math.isclose(a, b, rel_tol=%(tol)r, abs_tol=%(tol)r)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b
_report = {"failed": None, "n": 0}
for _i, (_args, _want) in enumerate(zip(_json.loads(%(inputs)r), _json.loads(%(outputs)r))):
    try:
        _got = _norm(%(fn)s(*_args))
        _ok = _same(_got, _want)
        _shown = repr(_got)
    except BaseException as _e:
        _ok, _shown = False, "raised " + type(_e).__name__ + ": " + str(_e)
    if not _ok:
        _report["failed"] = {"index": _i, "got": _shown[:%(show)d]}
        break
    _report["n"] += 1
_sys.stdout.flush()
_sys.stdout.write(%(nonce)r + _json.dumps(_report) + "\\n")
"""


def check_call(problem: Problem, program: str, config: CodeVerifyConfig) -> tuple[bool, str, bool]:
    tests: CallTests = problem.tests
    _check_pairs(tests)
    if not tests.fn_name.isidentifier():
        raise BadTests(f"tests.fn_name {tests.fn_name!r} is not an identifier")
    nonce = f"TINYLOGIC-RESULT-{secrets.token_hex(16)} "
    harness = CALL_HARNESS % {"tol": FLOAT_TOL, "inputs": json.dumps(tests.inputs), "show": SHOW, "nonce": nonce,
                              "outputs": json.dumps(tests.outputs), "fn": tests.fn_name}
    res = run_python(program, epilogue=harness, timeout=config.timeout, limits=config.limits())
    lines = [ln for ln in res.stdout.splitlines() if ln.startswith(nonce)]
    if res.returncode != 0 or not lines:
        return False, _failure(res) if res.returncode != 0 else "no result line from the test harness", res.timed_out
    report = json.loads(lines[-1][len(nonce):])
    if report["failed"] is None:
        return True, f"all {report['n']} tests passed", False
    i = report["failed"]["index"]
    return False, (f"test {i} failed: input {_show(tests.inputs[i])}, expected {_show(tests.outputs[i])}, "
                   f"got {report['failed']['got']}"), False


def _check_pairs(tests: CallTests | StdioTests) -> None:
    if not tests.inputs or len(tests.inputs) != len(tests.outputs):
        raise BadTests(f"tests.inputs ({len(tests.inputs)}) and tests.outputs ({len(tests.outputs)}) "
                       "must be non-empty and of equal length")


def _show(value: object) -> str:
    text = json.dumps(value)
    return text if len(text) <= SHOW else text[:SHOW] + "..."


def _as_float(token: str) -> float | None:
    try:
        value = float(token)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def stdout_matches(got: str, expected: str) -> bool:
    """Line by line; trailing whitespace and trailing blank lines ignored; tokens equal, or both floats
    within tolerance."""
    got_lines, want_lines = got.rstrip().splitlines(), expected.rstrip().splitlines()
    if len(got_lines) != len(want_lines):
        return False
    for g_line, w_line in zip(got_lines, want_lines, strict=True):
        g_tok, w_tok = g_line.split(), w_line.split()
        if len(g_tok) != len(w_tok):
            return False
        for g, w in zip(g_tok, w_tok, strict=True):
            if g == w:
                continue
            gf, wf = _as_float(g), _as_float(w)
            if gf is None or wf is None or not math.isclose(gf, wf, rel_tol=FLOAT_TOL, abs_tol=FLOAT_TOL):
                return False
    return True


def check_stdio(problem: Problem, program: str, config: CodeVerifyConfig) -> tuple[bool, str, bool]:
    tests: StdioTests = problem.tests
    _check_pairs(tests)
    pairs = list(zip(tests.inputs, tests.outputs, strict=True))[: config.max_stdio_tests]
    for i, (stdin, want) in enumerate(pairs):  # one run per test; stop at the first failure
        res = run_python(program, stdin=stdin, timeout=config.timeout, limits=config.limits())
        if res.returncode != 0 or res.killed_reason:
            return False, f"test {i} (input {_show(stdin)}): {_failure(res)}", res.timed_out
        if not stdout_matches(res.stdout, want):
            return False, f"test {i} failed: input {_show(stdin)}, expected {_show(want)}, got {_show(res.stdout)}", False
    return True, f"all {len(pairs)} tests passed", False


STYLES = {"assert": check_assert, "call": check_call, "stdio": check_stdio}
