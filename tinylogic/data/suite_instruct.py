"""Instruction-following half of the built-in suite: the suite's own math and code tasks asked with 1-3
checkable rules (format, length, keywords, case), graded by the `instruct` verifier.

A problem is a base task (a `suite_math` / `suite_code` generator draw), worded as its domain asks it
(`Domain.prompt`), then a `Rules:` list; its gold is `instructions`, the rule dicts of
tinylogic/verify/instruct.py, and its difficulty tier is the number of rules. Subdomains are
`rules-<base subdomain>` and strategies are the base task's: each teacher trace is one of the base
task's clean solutions rewritten to follow every rule. Every rule is applied through `slip`, so a
flawed trace is one that forgot a rule (the verifier rejects it), as a flawed math trace is one with a
slip. The base task's prompt is kept in meta["task_prompt"]: the suite decides the held-out split on
it, so a held-out math or code task never reaches training inside an instruct prompt (nor the reverse).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable

from tinylogic.data.schema import Problem
from tinylogic.data.suite_math import no_slip
from tinylogic.domains.code import DOMAIN as CODE
from tinylogic.domains.math import DOMAIN as MATH
from tinylogic.verify.instruct import RULES

BASE_DOMAINS = {d.name: d for d in (MATH, CODE)}  # the domains whose suite tasks get rules
TITLES = ("Solution", "Working", "Result", "Steps")
START_PHRASES = ("Here is my solution.", "Let me work it out.", "Sure.")
END_PHRASES = ("That is my answer.", "Hope this helps.", "Done.", "Any other questions?")
KEYWORDS = ("result", "check", "careful", "simple", "final", "method")
# What a rambling answer adds (17 words): the flaw of a word limit, which is set at most 8 above the trace.
FILLER = "I hope that every single step of this worked solution is clear and easy to follow for you."
WORD_SLACK = (2, 8)

# rule -> (applies to these base domains, the rules it cannot be combined with)
RULE_KINDS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "lowercase": (("math", "code"), frozenset()),
    "no_commas": (("math",), frozenset()),  # code needs its commas
    "keywords_include": (("math", "code"), frozenset()),
    "bullet_count": (("math", "code"), frozenset({"json_format"})),
    "paragraph_count": (("math", "code"), frozenset({"json_format"})),
    "highlight_count": (("math", "code"), frozenset({"json_format"})),
    "title": (("math", "code"), frozenset({"json_format"})),
    "starts_with": (("math", "code"), frozenset({"json_format"})),
    "ends_with": (("math", "code"), frozenset({"json_format"})),
    "word_count": (("math", "code"), frozenset()),
    "json_format": (("math",), frozenset({"bullet_count", "paragraph_count", "highlight_count", "title",
                                          "starts_with", "ends_with", "no_commas"})),  # JSON has commas
}


def describe(spec: dict) -> str:
    """The prompt line that states a rule."""
    rule = spec["rule"]
    if rule == "keywords_include":
        return "Include the keywords " + " and ".join(f'"{w}"' for w in spec["keywords"]) + "."
    if rule == "bullet_count":
        return f'Write your steps as exactly {spec["n"]} bullet point{"s" if spec["n"] > 1 else ""} starting with "- ".'
    if rule == "word_count":
        return f'Use at most {spec["n"]} words.'
    if rule in ("starts_with", "ends_with"):
        return f'{"Start" if rule == "starts_with" else "End"} your response with the exact phrase "{spec["phrase"]}".'
    return {"lowercase": "Write your whole response in lowercase letters.",
            "no_commas": "Do not use any commas.",
            "paragraph_count": "Write exactly 2 paragraphs separated by a blank line: the steps, then the answer.",
            "highlight_count": "Highlight the answer line with markdown, like **Answer:**.",
            "title": "Give your response a title in double angular brackets, like <<title>>.",
            "json_format": 'Reply only with JSON: {"steps": [...], "answer": "..."}.'}[rule]


def _words(text: str) -> int:
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))  # the `word_count` rule's count


def _lines(steps: list) -> list[str]:
    lines: list[str] = []
    for line, _ in steps:
        if not lines or lines[-1] != line:  # one line may carry several claims (as suite._render)
            lines.append(line)
    return lines


def respond(lines: list[str], tail: str, specs: list[dict], slip) -> str:
    """A base solution (step lines, final tail) rewritten to follow `specs`. Each rule asks `slip(0)`
    whether it is applied: the identity always applies it, a slip makes the trace forget that rule."""
    rules = {s["rule"]: s for s in specs}
    keep = {name: slip(0) == 0 for name in RULE_KINDS if name in rules}  # fixed order: stable slip points
    lines = list(lines)
    if keep.get("no_commas"):
        lines = [line.replace(", ", "; ").replace(",", ";") for line in lines]
    if keep.get("keywords_include"):
        lines.append("Keywords: " + " and ".join(rules["keywords_include"]["keywords"]) + ".")
    if keep.get("bullet_count"):
        n, total = rules["bullet_count"]["n"], len(lines)  # n <= total: n nearly equal groups of lines
        lines = ["- " + "; ".join(lines[i * total // n:(i + 1) * total // n]) for i in range(n)]
    if keep.get("highlight_count"):
        tail = f"**Answer:**\n{tail}"
    if keep.get("json_format"):
        text = json.dumps({"steps": lines, "answer": tail})
    else:
        text = "\n".join(lines) + ("\n\n" if keep.get("paragraph_count") else "\n") + tail
    if keep.get("title"):
        text = f"<<{rules['title']['text']}>>\n{text}"
    if keep.get("starts_with"):
        text = f"{rules['starts_with']['phrase']}\n{text}"
    if keep.get("ends_with"):
        text = f"{text}\n{rules['ends_with']['phrase']}"
    if "word_count" in keep and not keep["word_count"]:
        text = f"{text}\n{FILLER}"
    if keep.get("lowercase"):
        text = text.lower()
    return text


def _pick_rules(rng: random.Random, domain: str, count: int) -> list[str]:
    pool = [name for name, (domains, _) in RULE_KINDS.items() if domain in domains]
    while True:  # reject combinations that contradict each other
        names = rng.sample(pool, count)
        if not any(RULE_KINDS[a][1] & set(names) for a in names):
            return names


def _spec(rng: random.Random, name: str, min_lines: int) -> dict:
    if name == "keywords_include":
        return {"rule": name, "keywords": rng.sample(KEYWORDS, rng.randint(1, 2))}
    if name == "bullet_count":
        return {"rule": name, "relation": "exactly", "n": rng.randint(1, min(3, min_lines))}
    if name == "paragraph_count":
        return {"rule": name, "relation": "exactly", "n": 2}
    if name == "highlight_count":
        return {"rule": name, "relation": "at least", "n": 1}
    if name == "title":
        return {"rule": name, "text": rng.choice(TITLES)}  # `text`: what the teacher writes (the rule ignores it)
    if name in ("starts_with", "ends_with"):
        return {"rule": name, "phrase": rng.choice(START_PHRASES if name == "starts_with" else END_PHRASES)}
    if name == "word_count":
        return {"rule": name, "relation": "at most", "n": 0}  # set once the traces are known
    return {"rule": name}


def _generator(domain: str, sub: str) -> Callable:
    base = BASE_DOMAINS[domain]
    generate, strategies = base.suite.SUBDOMAINS[sub]

    def gen(rng: random.Random, tier: int):
        """A base task with `tier` rules (1..3)."""
        prompt, gold, meta = generate(rng, rng.choice((1, 2, 3)))
        task = base.prompt(Problem(id="task", domain=domain, prompt=prompt, **gold))
        solutions = [s for s in (fn(meta, no_slip) for fn in strategies.values()) if s is not None]
        min_lines = min(len(_lines(s[0])) for s in solutions)
        specs = [_spec(rng, name, max(1, min_lines)) for name in _pick_rules(rng, domain, tier)]
        for spec in specs:
            if spec["rule"] == "word_count":  # a limit every clean trace keeps, which rambling breaks
                longest = max(_words(respond(_lines(s[0]), s[1], specs, no_slip)) for s in solutions)
                spec["n"] = longest + rng.randint(*WORD_SLACK)
        rules = "\n".join(f"- {describe(s)}" for s in specs)
        # meta keeps the rules for the strategies (the gold copy is `instructions`, what the verifier reads)
        meta = meta | {"task_domain": domain, "task_prompt": prompt, "rules": specs}
        return f"{task}\n\nRules:\n{rules}", {"instructions": specs}, meta

    return gen


def _follow(strategy: Callable) -> Callable:
    def follow(meta: dict, slip) -> tuple[list, str, str] | None:
        solution = strategy(meta, no_slip)  # the task's solution stays right: only rules can be forgotten
        if solution is None:
            return None
        steps, tail, answer = solution
        return [], respond(_lines(steps), tail, meta["rules"], slip), answer

    return follow


def correct(gold: dict, solution) -> bool:
    """Every rule holds on the trace text (the instruct verifier's checks)."""
    return all(RULES[spec["rule"]](solution[1], spec) for spec in gold["instructions"])


SUBDOMAINS = {f"rules-{sub}": (_generator(domain, sub), {name: _follow(fn) for name, fn in strategies.items()})
              for domain, base in BASE_DOMAINS.items() for sub, (_, strategies) in base.suite.SUBDOMAINS.items()}
