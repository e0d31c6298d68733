"""Math half of the built-in suite: problem generators and solution strategies per subdomain.

A generator `(rng, tier) -> (prompt, gold, meta)` draws one problem; `gold` holds the Problem's gold
fields and `meta` the operands, so anyone can recompute the answer. A strategy
`(meta, slip) -> (steps, tail, answer) | None` writes one solution path (None: it does not apply);
`steps` are `(line, claim)` pairs whose claim is a plain arithmetic statement that appears verbatim in
the line (so claim extraction is copying and claim checking needs no context); consecutive steps with
the same line carry several claims of one line. Every intermediate
value goes through `slip`: the identity for clean traces, one propagated arithmetic error for flawed
ones. Traces stay short and formulaic: the embedded default trains a ~2M-parameter model on them.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Steps = list[tuple[str, str | None]]
Slip = Callable[..., int]  # (value, unit=1) -> the value as written, possibly wrong (a flawed trace)
Solution = tuple[Steps, str, str]
PLACES = ("ones", "tens", "hundreds", "thousands", "ten-thousands")


def no_slip(value: int, unit: int = 1) -> int:
    """The slip of a clean trace: every value as computed."""
    return value


def par(v: int) -> str:
    """An operand as written after an operator: negatives in parentheses."""
    return f"({v})" if v < 0 else str(v)


def plus(v: int) -> str:
    """` + v` / ` - |v|` / nothing for 0: a signed term after something."""
    return f" + {v}" if v > 0 else f" - {-v}" if v < 0 else ""


def _digits(n: int) -> list[int]:
    return [int(d) for d in reversed(str(n))]  # ones first


def _place_parts(n: int) -> list[int]:
    """47 -> [40, 7]; 305 -> [300, 5] (zero places dropped)."""
    return [d * 10**i for i, d in reversed(list(enumerate(_digits(n)))) if d]


def _round_up(n: int) -> int:
    """The next round number above n at its lowest non-zero place: 38 -> 40, 20 -> 100, 300 -> 1000."""
    unit = 10 ** (len(str(n)) - len(str(n).rstrip("0")) + 1)
    return (n // unit + 1) * unit


def _number(rng: random.Random, digits: int) -> int:
    return rng.randint(1 if digits == 1 else 10 ** (digits - 1), 10**digits - 1)


def _boxed(steps: Steps, answer: int) -> Solution:
    return steps, f"\\boxed{{{answer}}}", str(answer)


# ---- generators ---------------------------------------------------------------------------------

def gen_add(rng: random.Random, tier: int):
    a, b = _number(rng, tier), _number(rng, rng.randint(1, tier))
    return f"Compute {a} + {b}.", {"answer": str(a + b)}, {"a": a, "b": b, "op": "+"}


def gen_sub(rng: random.Random, tier: int):
    a, b = sorted((_number(rng, tier), _number(rng, rng.randint(1, tier))), reverse=True)
    return f"Compute {a} - {b}.", {"answer": str(a - b)}, {"a": a, "b": b, "op": "-"}


def gen_mul(rng: random.Random, tier: int):
    a = _number(rng, 1 if tier == 1 else 2)
    b = rng.randint(11, 99) if tier == 3 else rng.randint(2, 9)
    a, b = max(a, b, 2), max(min(a, b), 2)
    return f"Compute {a} * {b}.", {"answer": str(a * b)}, {"a": a, "b": b, "op": "*"}


def gen_lin(rng: random.Random, tier: int):
    """a*x + b = d*x + e with an integer x; tiers grow coefficients, tier 3 has x on both sides."""
    a = rng.randint(2, 5 if tier == 1 else 9)
    x = rng.randint(0, 10) if tier == 1 else rng.randint(-9, 12)
    b = rng.randint(1, 9) if tier == 1 else rng.choice([v for v in range(-20, 21) if v])
    d = rng.randint(1, a - 1) if tier == 3 else 0
    e = (a - d) * x + b
    left = f"{a}x{plus(b)}"
    right = f"{'' if d == 1 else d}x{plus(e)}" if d else str(e)
    return f"Solve for x: {left} = {right}.", {"answer": str(x)}, {"a": a, "b": b, "d": d, "e": e}


# ---- addition -----------------------------------------------------------------------------------

def add_column(m: dict, slip: Slip) -> Solution:
    da, db = _digits(m["a"]), _digits(m["b"])
    n = max(len(da), len(db))
    steps, carry, total = [], 0, 0
    for i in range(n):
        x, y = (da[i] if i < len(da) else 0), (db[i] if i < len(db) else 0)
        s = slip(x + y + carry)
        claim = f"{x} + {y}{plus(carry)} = {s}"
        if i == n - 1:
            steps.append((f"{PLACES[i]}: {claim}", claim))
            total += s * 10**i
        else:
            carry_text = f" carry {s // 10}" if s >= 10 else ""
            steps.append((f"{PLACES[i]}: {claim}, write {s % 10}{carry_text}", claim))
            total += (s % 10) * 10**i
            carry = s // 10
    return _boxed(steps, total)


def add_split(m: dict, slip: Slip) -> Solution | None:
    a, b = m["a"], m["b"]
    if max(a, b) < 10:
        return None
    da, db = _digits(a), _digits(b)
    steps, sums = [], []
    for i in reversed(range(max(len(da), len(db)))):
        x = (da[i] if i < len(da) else 0) * 10**i
        y = (db[i] if i < len(db) else 0) * 10**i
        s = slip(x + y)
        sums.append(s)
        steps.append((f"{x} + {y} = {s}", f"{x} + {y} = {s}"))
    total = slip(sum(sums))
    claim = f"{' + '.join(map(str, sums))} = {total}"
    steps.append((claim, claim))
    return _boxed(steps, total)


def add_round(m: dict, slip: Slip) -> Solution:
    a, b = m["a"], m["b"]
    up = _round_up(b)
    gap = up - b
    r = slip(a + up)
    total = slip(r - gap)
    return _boxed([(f"{b} = {up} - {gap}", f"{b} = {up} - {gap}"),
                   (f"{a} + {up} = {r}", f"{a} + {up} = {r}"),
                   (f"{r} - {gap} = {total}", f"{r} - {gap} = {total}")], total)


# ---- subtraction --------------------------------------------------------------------------------

def sub_column(m: dict, slip: Slip) -> Solution:
    da, db = _digits(m["a"]), _digits(m["b"])
    steps, borrow, total = [], 0, 0
    for i in range(len(da)):
        y = db[i] if i < len(db) else 0
        top = da[i] - borrow
        borrow = int(top < y)
        top += 10 * borrow
        s = slip(top - y)
        claim = f"{top} - {y} = {s}"
        steps.append((f"{PLACES[i]}: {claim}" + (", borrow 1" if borrow else ""), claim))
        total += s * 10**i
    return _boxed(steps, total)


def sub_split(m: dict, slip: Slip) -> Solution | None:
    a, b = m["a"], m["b"]
    parts = _place_parts(b)
    if len(parts) < 2:
        return None
    steps, r = [], a
    for p in parts:
        new = slip(r - p)
        steps.append((f"{r} - {p} = {new}", f"{r} - {p} = {new}"))
        r = new
    return _boxed(steps, r)


def sub_round(m: dict, slip: Slip) -> Solution:
    a, b = m["a"], m["b"]
    up = _round_up(b)
    gap = up - b
    r = slip(a - up)
    total = slip(r + gap)
    return _boxed([(f"{b} = {up} - {gap}", f"{b} = {up} - {gap}"),
                   (f"{a} - {up} = {r}", f"{a} - {up} = {r}"),
                   (f"{par(r)} + {gap} = {total}", f"{par(r)} + {gap} = {total}")], total)


# ---- multiplication -----------------------------------------------------------------------------

def mul_distribute(m: dict, slip: Slip) -> Solution:
    a, b = m["a"], m["b"]
    parts = _place_parts(a) if a >= 10 else [a - a // 2, a // 2]
    steps, prods = [(f"{a} = {' + '.join(map(str, parts))}", f"{a} = {' + '.join(map(str, parts))}")], []
    for p in parts:
        prods.append(slip(p * b))
        steps.append((f"{p} * {b} = {prods[-1]}", f"{p} * {b} = {prods[-1]}"))
    total = slip(sum(prods))
    claim = f"{' + '.join(map(str, prods))} = {total}"
    steps.append((claim, claim))
    return _boxed(steps, total)


def mul_doubling(m: dict, slip: Slip) -> Solution:
    a, b = m["a"], m["b"]
    powers = [1 << k for k in range(b.bit_length()) if b >> k & 1]
    steps, value, p = [], a, 1
    values = {1: a}
    while p * 2 <= b:
        doubled = slip(value * 2)
        line = f"{a} * 2 = {doubled}" if p == 1 else f"{a} * {p * 2} = {value} * 2 = {doubled}"
        steps.append((line, f"{value} * 2 = {doubled}"))
        value, p = doubled, p * 2
        values[p] = value
    if len(powers) > 1:
        split = f"{b} = {' + '.join(map(str, reversed(powers)))}"
        steps.append((split, split))
        total = slip(sum(values[q] for q in powers))
        claim = f"{' + '.join(str(values[q]) for q in reversed(powers))} = {total}"
        steps.append((claim, claim))
    else:
        total = value
    return _boxed(steps, total)


def mul_column(m: dict, slip: Slip) -> Solution | None:
    a, b = m["a"], m["b"]
    if a < 10:
        return None
    da = _digits(a)
    steps, rows = [], []
    for j, y in enumerate(_digits(b)):
        carry, row = 0, 0
        for i, x in enumerate(da):
            p = slip(y * x + carry)
            claim = f"{y} * {x}{plus(carry)} = {p}"
            if i == len(da) - 1:
                steps.append((claim, claim))
                row += p * 10**i
            else:
                steps.append((f"{claim}, write {p % 10}" + (f" carry {p // 10}" if p >= 10 else ""), claim))
                row += (p % 10) * 10**i
                carry = p // 10
        rows.append(row * 10**j)
        steps.append((f"row {j + 1}: {rows[-1]}", None))
    total = rows[0]
    if len(rows) > 1:
        total = slip(sum(rows))
        claim = f"{' + '.join(map(str, rows))} = {total}"
        steps.append((claim, claim))
    return _boxed(steps, total)


# ---- linear equations ---------------------------------------------------------------------------

def _collect(m: dict) -> tuple[int, Steps]:
    """For x on both sides: the coefficient after subtracting d*x (never slipped, so x stays integral)."""
    a, d = m["a"], m["d"]
    if not d:
        return a, []
    claim = f"{a} - {d} = {a - d}"
    return a - d, [(f"Subtract {d}x from both sides: {claim}, so {a - d}x{plus(m['b'])} = {m['e']}", claim)]


def lin_inverse(m: dict, slip: Slip) -> Solution:
    k, steps = _collect(m)
    b, e = m["b"], m["e"]
    r = slip(e - b, unit=k)
    claim = f"{e} - {par(b)} = {r}"
    verb = f"Subtract {b} from" if b > 0 else f"Add {-b} to"
    steps.append((f"{verb} both sides: {claim}, so {k}x = {r}", claim))
    x = slip(r // k)
    claim = f"{r} / {k} = {x}"
    steps.append((f"Divide both sides by {k}: {claim}", claim))
    return _boxed(steps, x)


def lin_move(m: dict, slip: Slip) -> Solution:
    a, b, d, e = m["a"], m["b"], m["d"], m["e"]
    k = a - d
    r = slip(e - b, unit=k)
    steps: Steps = []
    if d:
        steps.append((f"{a}x - {d}x = {e} - {par(b)}", None))
        c1, c2 = f"{a} - {d} = {k}", f"{e} - {par(b)} = {r}"
        steps.append((f"{c1} and {c2}, so {k}x = {r}", c1))
        steps.append((f"{c1} and {c2}, so {k}x = {r}", c2))
    else:
        claim = f"{e} - {par(b)} = {r}"
        steps.append((f"{k}x = {claim}", claim))
    x = slip(r // k)
    claim = f"{r} / {k} = {x}"
    steps.append((f"x = {claim}", claim))
    return _boxed(steps, x)


def lin_substitute(m: dict, slip: Slip) -> Solution:
    """Guess x = 1, measure the gap, close it by the per-step change, then check by substitution."""
    a, b, d, e = m["a"], m["b"], m["d"], m["e"]
    k = a - d
    left = slip(a + b, unit=k)
    c_left = f"{a} * 1{plus(b)} = {left}"
    right = d + e
    c_right = f"{d} * 1{plus(e)} = {right}"
    steps: Steps = [(f"Try x = 1: {c_left}", c_left)]
    if d:
        steps.append((f"right side: {c_right}", c_right))
    gap = slip(right - left, unit=k)
    c_gap = f"{right} - {par(left)} = {gap}"
    steps.append((f"gap {c_gap}, and each step of x adds {k}", c_gap))
    s = slip(gap // k)
    c_step, x = f"{gap} / {k} = {s}", 1 + s
    c_x = f"1 + {par(s)} = {x}"
    steps.append((f"{c_step}, so x = {c_x}", c_step))
    steps.append((f"{c_step}, so x = {c_x}", c_x))
    check = f"{a} * {par(x)}{plus(b)} = {a * x + b}"
    if d:
        check += f" = {d} * {par(x)}{plus(e)}"
    steps.append((f"Check: {check}", check))
    return _boxed(steps, x)


def correct(gold: dict, solution: Solution) -> bool:
    return solution[2] == gold["answer"]


SUBDOMAINS: dict[str, tuple[Callable, dict[str, Callable]]] = {
    "add": (gen_add, {"column": add_column, "split_places": add_split, "round_compensate": add_round}),
    "sub": (gen_sub, {"column_borrow": sub_column, "split_places": sub_split, "round_compensate": sub_round}),
    "mul": (gen_mul, {"distribute": mul_distribute, "doubling": mul_doubling, "column": mul_column}),
    "lin": (gen_lin, {"inverse_ops": lin_inverse, "move_constant": lin_move, "substitute_check": lin_substitute}),
}
