r"""The built-in verifiable task suite: the data of the embedded default.

`synthesize(n, seed)` draws math problems (add, sub, mul, linear equations) and code problems (write
`f(x)` from examples) in difficulty tiers 1..3, each with several teacher traces in distinct solution
strategies (the spectrum), a few deliberately flawed traces, and true/corrupted claims for CLR.
`sft_records` turns them into prompt/completion pairs; the claim records use the CLR claim format of
`tinylogic.data.claims`, which test-time scaling asks and parses with the same strings.

Claims are self-contained arithmetic statements ("7 + 8 = 15", "(26 - 5) / 3 = 7", "5 > 3"), so a
claim can be checked with no context: `claim_holds` is their exact judge.
"""

from __future__ import annotations

import ast
import operator
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from fractions import Fraction
from types import ModuleType

from tinylogic.data import suite_knowledge
from tinylogic.data.claims import CLAIM_CHECK_PROMPT, CLAIM_EXTRACT_PROMPT, claim_extract_completion
from tinylogic.data.prompts import solve_prompt
from tinylogic.data.schema import Claim, Problem, Trace
from tinylogic.data.suite_math import no_slip
from tinylogic.domains import Domain, registry, resolve

SOURCE = "tinylogic-suite"
MAX_PROBLEM_CLAIMS = 8  # claim-check examples per problem: half true, half false
SLIP_DELTAS = (1, 2, -1, 10)  # the arithmetic slips of flawed traces
CORRUPT_DELTAS = (1, 2, 3, 10, -1, -2)  # number changes that turn a true claim false


def synthesize(n: int, seed: int, domains: Sequence[str] = ("math", "code"), heldout_fraction: float = 0.1,
               flawed_fraction: float = 0.05, passage_fraction: float = 0.5, passages_k: int = 5) -> list[Problem]:
    """`n` problems, round-robin over domains, subdomains and tiers; deterministic per argument set.

    Prompts are unique where the tier's space allows (small tiers may repeat on large `n`); a problem
    is held out only if no other problem shares its prompt, so held-out prompts never occur in train.
    Domains are those of tinylogic/domains/ with a suite generator (`Domain.suite`), by name or alias.
    `choice` problems are multiple choice over made-up facts (`suite_knowledge`); `passage_fraction` of the
    training ones are asked with their `passages_k` retrieved passages (`suite_knowledge.add_passages`).
    `instruct` problems ask math and code tasks with checkable rules (`suite_instruct`).
    """
    try:
        chosen = [suite_domain(d) for d in domains]
    except ValueError as exc:
        raise ValueError(f"synthesize(domains=...): {exc}") from None
    rng = random.Random(seed)
    done = Counter()
    seen: set[str] = set()
    problems = []
    for i in range(n):
        domain = chosen[i % len(chosen)]
        module = domain.suite
        j = done[domain.name]
        done[domain.name] += 1
        names = list(module.SUBDOMAINS)
        sub, tier = names[j % len(names)], (j // len(names)) % 3 + 1
        generate, strategies = module.SUBDOMAINS[sub]
        for _ in range(20):  # avoid repeats while the tier has room
            prompt, gold, meta = generate(rng, tier)
            if prompt not in seen:
                break
        seen.add(prompt)
        problem = Problem(id=f"{domain.suite_id or domain.name}-{sub}-{i:06d}", domain=domain.name,
                          subdomain=sub, difficulty=tier,
                          prompt=prompt, source=SOURCE, meta=meta | {"tier": tier}, **gold)
        _add_traces(rng, problem, module, strategies, flawed_fraction)
        problems.append(problem)
    # an instruct problem asks a base task (meta.task_prompt): held out only if nothing else asks that task
    prompt_counts = Counter(p.meta.get("task_prompt", p.prompt) for p in problems)
    for p in problems:
        held = rng.random() < heldout_fraction
        p.split = "heldout" if held and prompt_counts[p.meta.get("task_prompt", p.prompt)] == 1 else "train"
    if any(d.suite is suite_knowledge for d in chosen):
        suite_knowledge.add_passages(problems, passage_fraction, passages_k, seed)
    return problems


def suite_domain(name: str) -> Domain:
    """The registered domain `name` (or an alias of it) spells; ValueError unless the suite generates it."""
    domain = resolve(name)
    if domain.suite is None:
        raise ValueError(f"domain {name!r} has no built-in suite generator (Domain.suite)")
    return domain


def _slip_at(target: int, delta: int) -> tuple[Callable[..., int], list[int]]:
    """A slip that adds `delta * unit` at its `target`-th call (keeping non-negative values
    non-negative), and the list of its calls (to count a strategy's slip points)."""
    calls: list[int] = []

    def slip(value: int, unit: int = 1) -> int:
        calls.append(value)
        if len(calls) - 1 != target:
            return value
        new = value + delta * unit
        return value + abs(delta) * unit if value >= 0 > new else new

    return slip, calls


def _add_traces(rng: random.Random, problem: Problem, module: ModuleType, strategies: dict,
                flawed_fraction: float) -> None:
    gold = {"answer": problem.answer, "tests": problem.tests, "instructions": problem.instructions}
    applicable = {name: fn for name, fn in strategies.items() if fn(problem.meta, no_slip) is not None}
    flags = [rng.random() < flawed_fraction for _ in applicable]
    if flags and all(flags):
        flags[0] = False  # keep at least one clean solution per problem
    claims, answers = [], []
    for (name, fn), flawed in zip(applicable.items(), flags, strict=True):
        solution = fn(problem.meta, no_slip)
        if not module.correct(gold, solution):
            raise RuntimeError(f"suite bug: {problem.id} strategy {name!r} writes a wrong clean trace")
        if flawed:
            flawed_solution = _flawed(rng, fn, problem.meta, gold, module)
            flawed = flawed_solution is not None
            solution = flawed_solution or solution
        steps, tail, answer = solution
        problem.traces.append(Trace(strategy=name, text=_render(steps, tail), flawed=flawed))
        claims.append([c for _, c in steps if c])
        answers.append(answer)
    problem.meta |= {"trace_claims": claims, "trace_answers": answers}
    problem.claims = _problem_claims(rng, claims)


def _flawed(rng: random.Random, fn: Callable, meta: dict, gold: dict, module: ModuleType):
    """The strategy with one slip that propagates to a wrong result; None if no slip tried does."""
    probe, calls = _slip_at(-1, 0)
    fn(meta, probe)
    for _ in range(12):
        if not calls:
            return None
        slip, _ = _slip_at(rng.randrange(len(calls)), rng.choice(SLIP_DELTAS))
        solution = fn(meta, slip)
        if not module.correct(gold, solution):
            return solution
    return None


def _render(steps: list[tuple[str, str | None]], tail: str) -> str:
    lines: list[str] = []
    for line, _ in steps:
        if not lines or lines[-1] != line:  # one line may carry several claims
            lines.append(line)
    return "\n".join([*lines, tail])


def _problem_claims(rng: random.Random, trace_claims: list[list[str]]) -> list[Claim]:
    """About half true claims from the traces, half false: flawed traces' slips, then corruptions."""
    judged = {c: claim_holds(c) for cs in trace_claims for c in cs}
    true = [c for c, ok in judged.items() if ok]
    false = [c for c, ok in judged.items() if not ok]
    rng.shuffle(true)
    true = true[: MAX_PROBLEM_CLAIMS // 2]
    false = false[: len(true)]
    for c in true:
        if len(false) >= len(true):
            break
        bad = corrupt_claim(rng, c)
        if bad is not None and bad not in false:
            false.append(bad)
    claims = [Claim(text=c, verdict=True) for c in true] + [Claim(text=c, verdict=False) for c in false]
    rng.shuffle(claims)
    return claims


# ---- claims -------------------------------------------------------------------------------------

_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
           ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod}
_COMPARE = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
            ast.Gt: operator.gt, ast.GtE: operator.ge}
_CALLS = {"abs": abs, "max": max, "min": min}


def _value(node: ast.AST, text: str):
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return Fraction(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        v = _value(node.operand, text)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return _BINARY[type(node.op)](_value(node.left, text), _value(node.right, text))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _CALLS:
        return _CALLS[node.func.id](*(_value(a, text) for a in node.args))
    if isinstance(node, ast.Compare):
        values = [_value(node.left, text)] + [_value(c, text) for c in node.comparators]
        return all(_COMPARE[type(op)](x, y) for op, x, y in zip(node.ops, values, values[1:], strict=False))
    raise ValueError(f"claim {text!r}: unsupported syntax {ast.dump(node)[:60]}")


def _judge(text: str) -> bool | None:
    """True/False for an arithmetic claim, None when it divides by zero."""
    try:
        tree = ast.parse(text.replace(" = ", " == "), mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"claim {text!r}: not arithmetic ({exc.msg})") from exc
    try:
        return _value(tree.body, text) is True
    except ZeroDivisionError:
        return None


def claim_holds(text: str) -> bool:
    """Exact truth of an arithmetic claim: `7 + 8 = 15`, `1 + (-7) = -6 = 2 * (-3)`, `5 > 3`.
    Raises ValueError for text that is not such a claim; division by zero is false."""
    return _judge(text) is True


def corrupt_claim(rng: random.Random, text: str) -> str | None:
    """The claim with one number changed so that it becomes false (None if no try made it false)."""
    numbers = list(re.finditer(r"\d+", text))
    for _ in range(10):
        if not numbers:
            return None
        m = rng.choice(numbers)
        new = int(m.group()) + rng.choice(CORRUPT_DELTAS)
        if new < 0:
            continue
        candidate = text[: m.start()] + str(new) + text[m.end():]
        if _judge(candidate) is False:  # false, but still meaningful (no "% 0")
            return candidate
    return None


# ---- SFT records --------------------------------------------------------------------------------

def _record(prompt: str, completion: str, kind: str, problem: Problem, strategy: str | None) -> dict:
    return {"prompt": prompt, "completion": completion, "kind": kind, "problem_id": problem.id,
            "domain": problem.domain, "strategy": strategy}


def sft_records(problems: Sequence[Problem], include_claims: bool = True) -> list[dict]:
    """Prompt/completion records: `solve` for every clean trace (flawed ones never), and with
    `include_claims` a `claim_extract` per trace (flawed included: extraction copies what is there)
    and a `claim_check` per stored claim. Pass the train split; this does not filter."""
    out = []
    for p in problems:
        out += [_record(solve_prompt(p), t.text, "solve", p, t.strategy) for t in p.traces if not t.flawed]
        if not include_claims or not registry()[p.domain].claims:  # facts and rules: no claims to check
            continue
        extracted = zip(p.traces, p.meta.get("trace_claims", []), p.meta.get("trace_answers", []), strict=False)
        for trace, claims, answer in extracted:
            out.append(_record(CLAIM_EXTRACT_PROMPT.format(trace=trace.text),
                               claim_extract_completion(claims, answer), "claim_extract", p, trace.strategy))
        for c in p.claims:
            out.append(_record(CLAIM_CHECK_PROMPT.format(claim=c.text), "yes" if c.verdict else "no",
                               "claim_check", p, None))
    return out
