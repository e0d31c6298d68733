r"""Math verifier: math-verify (gold first, asymmetric) behind a hard, external timeout.

Extraction (the recipe's way): only the last `MAX_RESPONSE_CHARS` of a response are examined; the
last `\boxed{}` there is the final answer; without a box, math-verify's own extraction ("final answer
is ...", the last LaTeX or plain expression) runs on that tail. Gold answers are plain strings
("42", "\frac{1}{2}", "(1, 2]", "x^2+1") or already LaTeX ("$...$", "\boxed{...}"); plain ones are
wrapped in `$...$` so math-verify parses them. A gold that yields no SymPy object is `error=True`.

Speed (docs/VERIFIERS.md, "Speed"): answers that are plain numbers on both sides (integers, decimals,
fractions) are decided in the caller by exact arithmetic that mirrors math-verify's number comparison
(`fast_outcome`; it declines whatever it cannot decide exactly), so no worker round trip and no SymPy. In
the workers, LaTeX is parsed by ANTLR's C++ runtime where the optional tinylogic-latex extension is
installed (`enable_compiled_parser`; native/latex/), which builds latex2sympy's own parse tree; without it,
latex2sympy's pure-Python ANTLR parser runs SLL prediction first and full LL only after a syntax error
(`enable_sll_first`): ANTLR guarantees an SLL parse without a syntax error is the tree LL would build.
The items of one gold go to one worker, which parses that gold once for the group.

Timeout: math-verify's own timeout uses SIGALRM, which only works on a process's main thread, so its
timeouts are disabled here and every parse+verify runs in a worker *process* from a persistent pool
(fork start, math_verify/sympy imported before the fork). The caller gives each task its own
deadline and SIGKILLs (then respawns) a worker that overruns it: a pathological answer costs at most
`timeout` seconds and never stalls the other tasks.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing as mp
import os
import re
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Sequence
from fractions import Fraction
from functools import lru_cache
from multiprocessing.connection import Connection, wait
from types import SimpleNamespace

from tinylogic.data.schema import Problem, Verdict, cancelled
from tinylogic.data.text import last_boxed

# Seconds a single parse+verify may take before its worker is killed (env override for deployments).
DEFAULT_TIMEOUT = float(os.environ.get("TINYLOGIC_MATH_TIMEOUT", "5"))
# Only the tail of a response is examined: the final answer is at the end, and regex extraction
# and LaTeX parsing cost grows with length (a 50 KB rambling response must stay cheap).
MAX_RESPONSE_CHARS = 8_000

# A worker's answer: (status, correct, detail); status in {"ok", "gold_error"}.
Outcome = tuple[str, bool, str]


# ---------------------------------------------------------------- the check (runs inside a worker)

# latex2sympy reads `E` as Euler's number and fails on `E_{1}` (an energy level, a field): rename it,
# identically in gold and prediction.
_SUBSCRIPTED_E = re.compile(r"(?<![\\A-Za-z])E(?=_)")
# A box holding only a wrapped number, e.g. `\text{(073)}`: math-verify would read the text as a symbol.
_WRAPPED_NUMBER = re.compile(r"^\\(?:text|textbf|mathrm|mathbf)\{([\s\d.,()+\-/]+)\}$")
# GSM8K's final-answer marker, also emitted by models trained on it.
_HASH_ANSWER = re.compile(r"^#### *(.+?) *$", re.MULTILINE)


def normalise_latex(text: str) -> str:
    return _SUBSCRIPTED_E.sub(r"\\mathcal{E}", text)


def gold_latex(gold: str) -> str:
    """The gold as math-verify reads it. Plain strings ("42", "x^2+1", "(1, 2]") only parse inside math
    delimiters; golds already in `$...$` (OlympiadBench) or with a stray `$ $` inside (Minerva) are
    re-delimited the same way; a `\\boxed{}` gold is left as it is."""
    text = gold.strip()
    if "\\boxed" not in text:
        text = "$" + text.replace("$", " ").strip().rstrip(".") + "$"  # "$x$." -> "$x$"
    return normalise_latex(text)


@lru_cache(maxsize=4096)  # RL groups grade many samples against one gold: parsed once per worker
def _parse_gold(gold: str) -> list:
    from math_verify import parse
    from sympy import Basic, MatrixBase

    parsed = parse(gold_latex(gold), parsing_timeout=None)
    return parsed if any(isinstance(p, Basic | MatrixBase) for p in parsed) else []


def extract_answer_text(response: str) -> tuple[str, str]:
    r"""(text to hand to math-verify, how it was found), from the last `MAX_RESPONSE_CHARS` only:
    the last `\boxed{}`, else the last `#### answer` line, else the whole tail (math-verify extracts)."""
    tail = response[-MAX_RESPONSE_CHARS:]
    box = last_boxed(tail)
    if box is not None:
        box = box.strip().rstrip(".").strip()  # "\boxed{104.}"
        wrapped = _WRAPPED_NUMBER.match(box)
        return f"\\boxed{{{wrapped.group(1) if wrapped else box}}}", "boxed"
    hashes = _HASH_ANSWER.findall(tail)
    if hashes:
        return f"\\boxed{{{hashes[-1].replace(',', '').rstrip('.')}}}", "####"
    return tail, "tail"


def check_answer(gold: str, response: str) -> Outcome:
    """Parse gold and the response's final answer, compare gold-first. No timeout of its own."""
    from math_verify import parse, verify

    gold_parsed = _parse_gold(gold)
    if not gold_parsed:
        return "gold_error", False, f"gold answer {gold[:200]!r} does not parse as math"
    text, how = extract_answer_text(response)
    pred = parse(normalise_latex(text), parsing_timeout=None)
    if not pred:
        return "ok", False, f"no parseable final answer ({how})"
    correct = verify(gold_parsed, pred, timeout_seconds=None)
    shown = pred[-1] if isinstance(pred[-1], str) else str(pred[0])
    return "ok", bool(correct), f"{how} answer {shown[:120]!r} vs gold {gold[:120]!r}"


# ---------------------------------------------------------------- fast path: plain numbers, in the caller

# An optional minus, then an integer, a decimal with digits on both sides, `a/b` or `\frac{a}{b}`
# (`\dfrac`, `\tfrac`). Anything else (commas, percent, units, `.5`, exponents) goes to math-verify.
_PLAIN_NUMBER = re.compile(r"(-?)(?:(\d+)(?:\.(\d+))?|(\d+)/(\d+)|\\[dt]?frac\{(\d+)\}\{(\d+)\})")
# Where a decimal is involved math-verify compares SymPy Floats rounded to 6 places, and how a 15-digit Float
# rounds near a boundary (770880 vs 770880.0000001: not equal) is not exact arithmetic. So exact arithmetic
# decides only equal values and values at least this far apart; closer ones go to math-verify.
_DECIMAL_MARGIN = Fraction(1, 10**5)
# Beyond this size (or this many digits) SymPy's 15-digit Floats are not exact enough for either rule.
_MAX_DECIMAL = 10**9
_MAX_DIGITS = 15


@lru_cache(maxsize=65_536)  # golds repeat across a group; voters compare the same few answers
def plain_number(text: str) -> tuple[Fraction, bool] | None:
    """(exact value, written as a decimal) when `text` is a plain number, else None."""
    match = _PLAIN_NUMBER.fullmatch(text.strip())
    if match is None:
        return None
    sign, whole, decimals, num, den, frac_num, frac_den = match.groups()
    if whole is not None:
        if decimals is not None and len(whole.lstrip("0")) + len(decimals) > _MAX_DIGITS:
            return None
        value = Fraction(f"{whole}.{decimals}") if decimals is not None else Fraction(int(whole))
    else:
        numerator, denominator = int(num or frac_num), int(den or frac_den)
        if denominator == 0:
            return None
        value = Fraction(numerator, denominator)
    return (-value if sign else value), decimals is not None


def numbers_equal(gold: tuple[Fraction, bool], answer: tuple[Fraction, bool]) -> bool | None:
    """math-verify's verdict on two plain numbers, or None where exact arithmetic cannot promise it."""
    (a, a_decimal), (b, b_decimal) = gold, answer
    if not (a_decimal or b_decimal):
        return a == b  # integers and fractions: exact in math-verify too
    if max(abs(a), abs(b)) >= _MAX_DECIMAL:
        return None
    if a == b:
        return True
    return False if abs(a - b) >= _DECIMAL_MARGIN else None


def fast_outcome(gold: str, response: str) -> Outcome | None:
    """The outcome `check_answer` would give, when both the gold and the response's boxed (or `####`)
    answer are plain numbers and exact arithmetic decides them; else None (math-verify decides)."""
    if "\\boxed" in gold:
        return None
    gold_value = plain_number(gold_latex(gold)[1:-1])
    if gold_value is None:
        return None
    text, how = extract_answer_text(response)
    if how == "tail":
        return None
    answer = text[len("\\boxed{"):-1]
    answer_value = plain_number(answer)
    if answer_value is None:
        return None
    correct = numbers_equal(gold_value, answer_value)
    if correct is None:
        return None
    return "ok", correct, f"{how} answer {answer[:120]!r} vs gold {gold[:120]!r} (plain numbers)"


# ---------------------------------------------------------------- the workers

def enable_sll_first() -> None:
    """Parse LaTeX with ANTLR's two-stage strategy: SLL prediction first, full LL only when SLL reports a
    syntax error. ANTLR documents that an SLL parse without a syntax error returns the tree LL would, and
    latex2sympy's error listener raises on every syntax error, so verdicts are unchanged (tested on every
    shared reference solution); cold parses take about half the time (docs/VERIFIERS.md, "Speed").
    latex2sympy offers no setting for it, so its parser factory is wrapped, in the worker processes only;
    a latex2sympy without that factory keeps plain LL."""
    from antlr4.atn.PredictionMode import PredictionMode
    from latex2sympy2_extended.latex2sympy2 import _Latex2Sympy

    if not hasattr(_Latex2Sympy, "create_parser") or not hasattr(_Latex2Sympy, "parse"):
        return
    create_parser, parse_ll = _Latex2Sympy.create_parser, _Latex2Sympy.parse

    def create_parser_in_mode(self, latex_str):
        parser = create_parser(self, latex_str)
        parser._interp.predictionMode = self.__dict__.get("prediction_mode", PredictionMode.LL)
        return parser

    def parse_sll_first(self, latex_str):
        outer = self.__dict__.get("prediction_mode", PredictionMode.LL)  # parse re-enters for sub-expressions
        try:
            self.prediction_mode = PredictionMode.SLL
            try:
                return parse_ll(self, latex_str)
            except Exception:  # a syntax error under SLL (or a real one): the full LL parse decides
                self.prediction_mode = PredictionMode.LL
                return parse_ll(self, latex_str)
        finally:
            self.prediction_mode = outer

    _Latex2Sympy.create_parser = create_parser_in_mode
    _Latex2Sympy.parse = parse_sll_first


@lru_cache(maxsize=1)
def compiled_latex_parser() -> Callable[[str], object] | None:
    """tinylogic-latex's `parse_math` (ANTLR's C++ runtime) when it is installed and was compiled from the
    installed latex2sympy's grammar; else None, and latex2sympy's pure-Python parser runs."""
    if os.environ.get("TINYLOGIC_COMPILED_LATEX", "1") == "0":  # off, e.g. to compare the two
        return None
    try:
        import tinylogic_latex
    except ImportError:
        return None
    if not tinylogic_latex.MATCHES_INSTALLED_GRAMMAR:
        logging.getLogger(__name__).warning(
            "tinylogic-latex was compiled from another latex2sympy2-extended grammar than the installed one; "
            "math verification parses LaTeX in pure Python (native/latex/README.md says how to rebuild it)")
        return None
    return tinylogic_latex.parse_math


def enable_compiled_parser() -> bool:
    """Make latex2sympy parse with `compiled_latex_parser()`, in the worker processes; False where there is
    none. The compiled parser builds latex2sympy's own parse tree, full LL as latex2sympy's parser does, and
    raises at the first syntax error as latex2sympy's error listener does; texts it declines (too long or
    deeply nested for C++ recursion) go to latex2sympy's parser. Verdicts are unchanged (tested on every
    shared reference solution); parsing is ~3x faster than SLL-first in Python (docs/VERIFIERS.md, "Speed")."""
    from latex2sympy2_extended.latex2sympy2 import _Latex2Sympy

    parse_math = compiled_latex_parser()
    if parse_math is None or not hasattr(_Latex2Sympy, "create_parser"):
        return False
    create_parser = _Latex2Sympy.create_parser

    def create_compiled_parser(self, latex_str):
        tree = parse_math(latex_str)  # raises ValueError at a syntax error
        # latex2sympy calls only `math()` on its parser
        return SimpleNamespace(math=lambda: tree) if tree is not None else create_parser(self, latex_str)

    _Latex2Sympy.create_parser = create_compiled_parser
    return True


def _worker_loop(conn: Connection, parent: int) -> None:
    logging.getLogger("math_verify").setLevel(logging.CRITICAL)  # no per-item "timeout" warnings
    logging.getLogger("latex2sympy2_extended").setLevel(logging.CRITICAL)
    if not enable_compiled_parser():
        enable_sll_first()
    # A forked worker inherits the pipe ends of the caller (and of earlier workers), so the caller's death
    # does not always reach it as EOF: it also checks, once a second, that its parent is still `parent`
    # (the caller's pid, passed in: read here, it would already be init's if the caller died first).
    while True:
        try:
            if not conn.poll(1.0):
                if os.getppid() != parent:
                    return
                continue
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            outcome = check_answer(*task)
        except Exception as exc:  # a crash in sympy is an incorrect answer, not a dead worker
            outcome = ("ok", False, f"math-verify raised {type(exc).__name__}: {str(exc)[:200]}")
        conn.send(outcome)


# ---------------------------------------------------------------- the pool (runs in the caller)

class MathPool:
    """Persistent worker processes; `run(tasks)` returns outcomes in order, each under its own deadline.

    One `run` at a time (a lock); a timed-out worker is SIGKILLed and replaced before the next task.
    """

    def __init__(self, size: int = 1):
        import math_verify  # noqa: F401 - imported once here so every forked worker starts warm

        compiled_latex_parser()  # imported here too (and a grammar mismatch reported once), before the fork

        self.size = max(1, size)
        self._ctx = mp.get_context("fork")
        self._lock = threading.Lock()
        self._workers: list[tuple[mp.process.BaseProcess, Connection]] = []

    def _spawn(self) -> tuple[mp.process.BaseProcess, Connection]:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_loop, args=(child, os.getpid()), daemon=True)
        proc.start()
        child.close()
        return proc, parent

    def _fill(self) -> None:
        while len(self._workers) < self.size:
            self._workers.append(self._spawn())

    def start(self) -> None:
        """Fork the workers now (before the caller starts threads), not on the first `run`."""
        with self._lock:
            self._fill()

    @staticmethod
    def _kill(worker: tuple[mp.process.BaseProcess, Connection]) -> None:
        proc, conn = worker
        proc.kill()
        proc.join(timeout=5)
        conn.close()

    def run(
        self,
        tasks: Sequence[tuple[str, str]],
        timeout: float = DEFAULT_TIMEOUT,
        on_done: Callable[[int, Outcome | None, float], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> list[tuple[Outcome | None, float]]:
        """(outcome or None on timeout, seconds) per task. `on_done(index, outcome, seconds)` as each ends.
        Plain numbers are decided here first (`fast_outcome`), without a worker. Once `cancel` is set no
        further task is sent (those keep (None, 0.0) and get no `on_done`); the running ones finish within
        `timeout`."""
        results: list[tuple[Outcome | None, float]] = [(None, 0.0)] * len(tasks)
        for index, task in enumerate(tasks):
            start = time.perf_counter()
            if (outcome := fast_outcome(*task)) is not None:
                results[index] = (outcome, time.perf_counter() - start)
                if on_done:
                    on_done(index, outcome, results[index][1])
        todo = [index for index, (outcome, _) in enumerate(results) if outcome is None]
        if not todo:
            return results
        with self._lock:
            self._fill()
            idle = list(range(self.size))
            busy: dict[Connection, tuple[int, int, float]] = {}  # conn -> (worker slot, task, start)
            # The items of one gold go to one worker: it parses that gold once, and its caches (the parsed
            # answers, ANTLR's prediction DFA) serve the group's other samples. A worker whose share is done
            # takes from the end of the longest other one, so none idles while items are left.
            shares: list[deque[int]] = [deque() for _ in range(self.size)]
            for index in todo:  # crc32, not hash(): str hashes are salted per process, so runs would split differently
                shares[zlib.crc32(tasks[index][0].encode("utf-8", "surrogatepass")) % self.size].append(index)

            def take(slot: int) -> int | None:
                if cancel is not None and cancel.is_set():
                    return None
                if shares[slot]:
                    return shares[slot].popleft()
                longest = max(shares, key=len)
                return longest.pop() if longest else None

            exhausted = False

            def finish(slot: int, index: int, outcome: Outcome | None, start: float) -> None:
                results[index] = (outcome, time.perf_counter() - start)
                idle.append(slot)
                if on_done:
                    on_done(index, outcome, results[index][1])

            while True:
                while idle and not exhausted:
                    slot = idle.pop()
                    index = take(slot)
                    if index is None:
                        idle.append(slot)
                        exhausted = True
                        break
                    proc, conn = self._workers[slot]
                    try:
                        conn.send(tasks[index])
                    except OSError:  # worker died between tasks: replace it and retry once
                        self._kill(self._workers[slot])
                        self._workers[slot] = self._spawn()
                        conn = self._workers[slot][1]
                        conn.send(tasks[index])
                    busy[conn] = (slot, index, time.perf_counter())
                if not busy:
                    return results
                now = time.perf_counter()
                next_deadline = min(start + timeout for _, _, start in busy.values())
                for conn in wait(list(busy), timeout=max(0.0, next_deadline - now)):
                    slot, index, start = busy.pop(conn)
                    try:
                        outcome = conn.recv()
                    except (EOFError, OSError):  # the worker died (e.g. out of memory)
                        self._kill(self._workers[slot])
                        self._workers[slot] = self._spawn()
                        outcome = ("ok", False, "math worker died while checking this answer")
                    finish(slot, index, outcome, start)
                now = time.perf_counter()
                for conn, (slot, index, start) in list(busy.items()):
                    if now - start >= timeout:
                        del busy[conn]
                        self._kill(self._workers[slot])
                        self._workers[slot] = self._spawn()
                        finish(slot, index, None, start)

    def close(self) -> None:
        with self._lock:
            for worker in self._workers:
                self._kill(worker)
            self._workers.clear()


_POOLS: dict[int, MathPool] = {}
_POOLS_LOCK = threading.Lock()


def get_pool(size: int = 1) -> MathPool:
    """The process-wide pool of `size` workers, started on first use and reused afterwards."""
    with _POOLS_LOCK:
        if size not in _POOLS:
            _POOLS[size] = MathPool(size)
        return _POOLS[size]


@atexit.register
def _close_pools() -> None:
    for pool in _POOLS.values():
        pool.close()


def to_verdict(outcome: Outcome | None, seconds: float, timeout: float) -> Verdict:
    if outcome is None:
        return Verdict(correct=False, reward=0.0, timeout=True, seconds=seconds,
                       detail=f"math check exceeded {timeout:g}s; worker killed")
    status, correct, detail = outcome
    if status == "gold_error":
        return Verdict(correct=False, reward=0.0, error=True, detail=detail, seconds=seconds)
    return Verdict(correct=correct, reward=float(correct), detail=detail, seconds=seconds)


def math_tasks(problems: Sequence[tuple[Problem, str]]) -> list[tuple[str, str]]:
    return [(p.answer or "", r if isinstance(r, str) else "") for p, r in problems]


def verify_math_many(
    items: Sequence[tuple[Problem, str]],
    workers: int = 2,
    timeout: float = DEFAULT_TIMEOUT,
    on_done: Callable[[int, Verdict], None] | None = None,
    cancel: threading.Event | None = None,
) -> list[Verdict]:
    """Verdicts in input order, `workers` processes in parallel (plain numbers decided in this process),
    each item under its own deadline. `cancel`: as verify_batch's (items not sent to a worker when it is
    set are skipped)."""
    missing = {i for i, (p, _) in enumerate(items) if not (p.answer or "").strip()}
    tasks = math_tasks(items)
    verdicts: list[Verdict | None] = [None] * len(items)
    for i in missing:
        verdicts[i] = Verdict(correct=False, reward=0.0, error=True,
                              detail=f"problem {items[i][0].id!r} has no gold `answer`")
        if on_done:
            on_done(i, verdicts[i])
    todo = [i for i in range(len(items)) if i not in missing]

    def done(k: int, outcome: Outcome | None, seconds: float) -> None:
        verdicts[todo[k]] = to_verdict(outcome, seconds, timeout)
        if on_done:
            on_done(todo[k], verdicts[todo[k]])

    get_pool(workers).run([tasks[i] for i in todo], timeout=timeout, on_done=done, cancel=cancel)
    for i in todo:
        if verdicts[i] is None:  # never sent: the caller is gone
            verdicts[i] = cancelled()
            if on_done:
                on_done(i, verdicts[i])
    assert all(v is not None for v in verdicts)
    return verdicts  # type: ignore[return-value]


def verify_math(problem: Problem, response: str) -> Verdict:
    """Single-item path: a lazily started pool of one worker, same hard timeout."""
    return verify_math_many([(problem, response)], workers=1)[0]


@lru_cache(maxsize=65_536)  # a vote compares the same few answers over and over
def same_math_answer(a: str, b: str, timeout: float = DEFAULT_TIMEOUT) -> bool:
    r"""Whether two extracted final answers are equal by math-verify, `a` read as the gold and `b` as a
    `\boxed{}` answer, under the same hard timeout. Unparseable `a` or a timeout: not equal."""
    [(outcome, _)] = get_pool().run([(a, f"\\boxed{{{b}}}")], timeout=timeout)
    return outcome is not None and outcome[:2] == ("ok", True)
