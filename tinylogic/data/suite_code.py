"""Code half of the built-in suite: write `f(x)` from input/output examples, checked by CallTests.

Same contract as `suite_math` (generators and strategies per subdomain). The prompt shows a few
examples; the gold `CallTests` repeat them and add held-back points, so a function that only fits the
shown examples fails. `meta["reference"]` is the reference solution; a strategy's `answer` is the
function as one expression (what CLR clusters on) and its `tail` a ```python block defining `f`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from tinylogic.data.schema import CallTests
from tinylogic.data.suite_math import Slip, Solution, Steps, par, plus

_SAFE = {"__builtins__": {}, "max": max, "min": min, "abs": abs}


def _coef(a: int, term: str) -> str:
    """`a * term` with 1 and -1 written the way a person would."""
    return term if a == 1 else f"-{term}" if a == -1 else f"{a} * {term}"


def lin_expr(a: int, b: int) -> str:
    return _coef(a, "x") + plus(b)


def quad_expr(a: int, b: int, c: int) -> str:
    expr = _coef(a, "x * x")
    if b:
        expr += f" + {_coef(b, 'x')}" if b > 0 else f" - {_coef(-b, 'x')}"
    return expr + plus(c)


def mod_expr(a: int, k: int, m: int) -> str:
    inner = _coef(a, "x") + plus(k)
    return f"x % {m}" if inner == "x" else f"({inner}) % {m}"


def cond_expr(kind: str, k: int, b: int) -> str:
    core = f"abs(x{plus(-k)})" if kind == "abs" else f"{kind}(x, {k})"
    return core + plus(b)


def function(expr: str) -> str:
    return f"def f(x):\n    return {expr}"


def load_f(code: str) -> Callable:
    """`f` from our own generated code (trusted: the suite wrote it, never a model)."""
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102
    return namespace["f"]


def passes(code: str, tests: CallTests) -> bool:
    try:
        f = load_f(code)
        return all(f(*inp) == out for inp, out in zip(tests.inputs, tests.outputs, strict=True))
    except Exception:  # a flawed trace may divide by zero or worse: it simply fails
        return False


def claim_at(expr: str, x: int) -> tuple[str, int]:
    """The expression at `x` as a claim `... = value`."""
    text = re.sub(r"\bx\b", par(x), expr)
    value = eval(text, _SAFE)  # noqa: S307 - our own arithmetic expression
    return f"{text} = {value}", value


def _solution(steps: Steps, expr: str, code: str | None = None) -> Solution:
    return steps, f"```python\n{code or function(expr)}\n```", expr


def _problem(rng: random.Random, expr: str, shown: list[int], pool: list[int], meta: dict):
    """Prompt, gold tests (shown + 4 held-back points) and meta for the function `expr`."""
    reference = function(expr)
    held = rng.sample([x for x in pool if x not in shown], 4)
    xs = shown + held
    f = load_f(reference)
    outputs = [f(x) for x in xs]
    examples = ", ".join(f"f({x}) = {y}" for x, y in zip(shown, outputs, strict=False))
    prompt = f"Write a Python function f(x) such that {examples}."
    meta |= {"reference": reference, "shown": [[x, y] for x, y in zip(shown, outputs, strict=False)]}
    return prompt, {"tests": CallTests(fn_name="f", inputs=[[x] for x in xs], outputs=outputs)}, meta


def _direct(expr: str, meta: dict) -> Solution:
    """State the formula, then check it on the first and last shown examples."""
    steps: Steps = [(f"Guess f(x) = {expr}.", None)]
    for x, _ in (meta["shown"][0], meta["shown"][-1]):
        claim, _ = claim_at(expr, x)
        steps.append((f"Check f({x}): {claim}", claim))
    return _solution(steps, expr)


def _check_last(steps: Steps, expr: str, meta: dict) -> Steps:
    claim, _ = claim_at(expr, meta["shown"][-1][0])
    return [*steps, (f"Check: {claim}", claim)]


# ---- generators ---------------------------------------------------------------------------------

def _nonzero(rng: random.Random, lo: int, hi: int) -> int:
    return rng.choice([v for v in range(lo, hi + 1) if v])


def gen_linear(rng: random.Random, tier: int):
    a = (rng.randint(1, 5), _nonzero(rng, -9, 9), _nonzero(rng, -15, 15))[tier - 1]
    b = (rng.randint(0, 9), rng.randint(-15, 15), rng.randint(-50, 50))[tier - 1]
    span = (range(0, 7), range(-3, 9), range(-10, 21))[tier - 1]
    shown = sorted(rng.sample(list(span), 3))
    return _problem(rng, lin_expr(a, b), shown, list(range(-20, 31)), {"a": a, "b": b})


def gen_quad(rng: random.Random, tier: int):
    a = (rng.randint(1, 2), _nonzero(rng, -3, 3), _nonzero(rng, -5, 5))[tier - 1]
    b = (rng.randint(0, 3), rng.randint(-6, 6), rng.randint(-10, 10))[tier - 1]
    c = (rng.randint(0, 5), rng.randint(-9, 9), rng.randint(-20, 20))[tier - 1]
    return _problem(rng, quad_expr(a, b, c), [0, 1, 2, 3], [-3, -2, -1, 4, 5, 6, 7, 8],
                    {"a": a, "b": b, "c": c})


def gen_mod(rng: random.Random, tier: int):
    m = (rng.randint(2, 7), rng.randint(3, 9), rng.randint(5, 11))[tier - 1]
    k = 0 if tier == 1 else rng.randint(1, m - 1)
    a = rng.randint(2, m - 1) if tier == 3 else 1
    shown = sorted({0, 1, 2, 3, m, m + 1})
    return _problem(rng, mod_expr(a, k, m), shown, list(range(m + 2, 4 * m + 12)), {"a": a, "k": k, "m": m})


def gen_cond(rng: random.Random, tier: int):
    kind = rng.choice(("max", "min")) if tier == 1 else "abs" if tier == 2 else rng.choice(("max", "min", "abs"))
    k = rng.randint(-3, 6) if tier == 1 else rng.randint(-5, 8)
    b = _nonzero(rng, -9, 9) if tier == 3 else 0
    shown = sorted(rng.sample(range(k - 5, k), 2) + rng.sample(range(k + 1, k + 6), 2))
    pool = [k - 9, k - 7, k, k + 7, k + 9, k + 12]
    return _problem(rng, cond_expr(kind, k, b), shown, pool, {"kind": kind, "k": k, "b": b})


# ---- strategies ---------------------------------------------------------------------------------

def linear_direct(m: dict, slip: Slip) -> Solution:
    return _direct(lin_expr(slip(m["a"]), slip(m["b"])), m)


def linear_slope(m: dict, slip: Slip) -> Solution:
    (x1, y1), (x2, y2) = m["shown"][:2]
    a = slip((y2 - y1) // (x2 - x1))
    c_slope = f"({y2} - {par(y1)}) / ({x2} - {par(x1)}) = {a}"
    b = slip(y1 - a * x1)
    c_int = f"{y1} - {par(a)} * {par(x1)} = {b}"
    steps = [(f"slope = {c_slope}", c_slope), (f"intercept = {c_int}", c_int)]
    expr = lin_expr(a, b)
    return _solution(_check_last(steps, expr, m), expr)


def quad_direct(m: dict, slip: Slip) -> Solution:
    return _direct(quad_expr(slip(m["a"]), slip(m["b"]), slip(m["c"])), m)


def quad_differences(m: dict, slip: Slip) -> Solution:
    y0, y1, y2 = (y for _, y in m["shown"][:3])
    d1, d2 = y1 - y0, y2 - y1
    c1, c2 = f"{y1} - {par(y0)} = {d1}", f"{y2} - {par(y1)} = {d2}"
    s = d2 - d1
    c3 = f"{d2} - {par(d1)} = {s}"
    a = slip(s // 2)
    c4 = f"{s} / 2 = {a}"
    b = slip(d1 - a)
    c5 = f"{d1} - {par(a)} = {b}"
    c = slip(y0)
    expr = quad_expr(a, b, c)
    steps = [(f"differences: {c1}, {c2}", c1), (f"differences: {c1}, {c2}", c2),
             (f"second difference: {c3}, so a = {c4}", c3), (f"second difference: {c3}, so a = {c4}", c4),
             (f"b = {c5}", c5), (f"c = f(0) = {c}", None)]
    return _solution(steps, expr)


def quad_solve(m: dict, slip: Slip) -> Solution:
    y0, y1, y2 = (y for _, y in m["shown"][:3])
    c = slip(y0)
    p = slip(y1 - c)
    c_p = f"{y1} - {par(c)} = {p}"
    q = slip(y2 - c)
    c_q = f"{y2} - {par(c)} = {q}"
    a = slip((q - 2 * p) // 2)
    c_a = f"({q} - 2 * {par(p)}) / 2 = {a}"
    b = slip(p - a)
    c_b = f"{p} - {par(a)} = {b}"
    steps = [(f"c = f(0) = {c}", None), (f"a + b = {c_p}", c_p), (f"4a + 2b = {c_q}", c_q),
             (f"a = {c_a}", c_a), (f"b = {c_b}", c_b)]
    return _solution(steps, quad_expr(a, b, c))


def mod_direct(m: dict, slip: Slip) -> Solution:
    return _direct(mod_expr(slip(m["a"]), slip(m["k"]), max(slip(m["m"]), 1)), m)


def mod_period(m: dict, slip: Slip) -> Solution:
    """Read the period off repeated values, the shift off f(0), the step off f(1) - f(0)."""
    ys = dict(m["shown"])
    n = max(slip(m["m"]), 1)
    steps: Steps = [(f"f(0) = f({m['m']}) = {ys[0]} and f(1) = f({m['m'] + 1}) = {ys[1]}, so the period is {n}",
                     None)]
    k = slip(ys[0]) if m["k"] else 0
    if m["k"]:
        steps.append((f"f(0) = {ys[0]}, so the shift is {k}", None))
    a = 1
    if m["a"] != 1:
        a = slip((ys[1] - ys[0]) % n)
        claim = f"({ys[1]} - {ys[0]}) % {n} = {a}"
        steps.append((f"step {claim}", claim))
    expr = mod_expr(a, k, n)
    return _solution(_check_last(steps, expr, m), expr)


def cond_builtin(m: dict, slip: Slip) -> Solution:
    return _direct(cond_expr(m["kind"], slip(m["k"]), slip(m["b"]) if m["b"] else 0), m)


# max/min/abs as two branches: (comparison for the first branch, first branch, second branch)
_BRANCHES = {
    "max": (">", lambda k, b: "x" + plus(b), lambda k, b: str(k + b)),
    "min": ("<", lambda k, b: "x" + plus(b), lambda k, b: str(k + b)),
    "abs": (">", lambda k, b: "x" + plus(-k) + plus(b), lambda k, b: f"{k} - x" + plus(b)),
}


def cond_if_else(m: dict, slip: Slip) -> Solution:
    """The conditional form: split at the threshold, one example on each side."""
    k = slip(m["k"])
    b = slip(m["b"]) if m["b"] else 0
    op, first, second = _BRANCHES[m["kind"]]
    hi, lo = first(k, b), second(k, b)
    steps: Steps = [(f"The rule changes at x = {k}.", None)]
    for x in (m["shown"][0][0], m["shown"][-1][0]):
        taken = (x > k) == (op == ">")
        cmp = f"{x} {op} {k}" if taken else f"{x} {'<=' if op == '>' else '>='} {k}"
        value_claim, value = claim_at(hi if taken else lo, x)
        trivial = value_claim.split(" = ")[0].strip("()") == str(value)  # "5 = 5" says nothing
        line = f"x = {x}: {cmp}, so f({x}) = {value if trivial else value_claim}"
        steps += [(line, cmp)] + ([] if trivial else [(line, value_claim)])
    code = f"def f(x):\n    if x {op} {k}:\n        return {hi}\n    return {lo}"
    return _solution(steps, f"{hi} if x {op} {k} else {lo}", code)


def correct(gold: dict, solution: Solution) -> bool:
    code = solution[1].removeprefix("```python\n").removesuffix("\n```")
    return passes(code, gold["tests"])


# strategies that state the function with no working (`Guess f(x) = ...`); the pretraining corpus leaves them out
GUESSES = frozenset({"direct", "builtin"})

SUBDOMAINS: dict[str, tuple[Callable, dict[str, Callable]]] = {
    "linear": (gen_linear, {"direct": linear_direct, "slope_intercept": linear_slope}),
    "quad": (gen_quad, {"direct": quad_direct, "differences": quad_differences, "solve_coefficients": quad_solve}),
    "mod": (gen_mod, {"direct": mod_direct, "period": mod_period}),
    "cond": (gen_cond, {"builtin": cond_builtin, "if_else": cond_if_else}),
}
