"""Instruction-following verifier: IFEval-style rule checks.

A problem's `instructions` is a list of rule dicts, e.g. `{"rule": "word_count", "relation": "at least",
"n": 50}`. Each rule is a small function in `RULES`; reward = fraction of rules passed, correct = all
passed, `detail` names the failed ones. An unknown rule or a missing/ill-typed parameter is the
problem's fault: `error=True` naming the rule (and the parameter).

Relations: "at least", "at most", "less than", "more than", "exactly" (default per rule below).
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable
from typing import Any

from tinylogic.data.schema import Problem, Verdict

RELATIONS: dict[str, Callable[[int, int], bool]] = {
    "at least": operator.ge, "at most": operator.le, "less than": operator.lt,
    "more than": operator.gt, "exactly": operator.eq,
}
RuleFn = Callable[[str, dict[str, Any]], bool]
RULES: dict[str, RuleFn] = {}


class RuleSpecError(ValueError):
    """The rule dict itself is wrong (the gold's fault, not the response's)."""


def rule(name: str) -> Callable[[RuleFn], RuleFn]:
    def wrap(fn: RuleFn) -> RuleFn:
        RULES[name] = fn
        return fn

    return wrap


def _param(spec: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in spec:
        raise RuleSpecError(f"missing parameter {key!r}")
    value = spec[key]
    if not isinstance(value, kind) or isinstance(value, bool) and kind is int:
        raise RuleSpecError(f"parameter {key!r} must be {getattr(kind, '__name__', kind)}, got {value!r}")
    return value


def _compare(count: int, spec: dict[str, Any], default: str) -> bool:
    relation = spec.get("relation", default)
    if relation not in RELATIONS:
        raise RuleSpecError(f"unknown relation {relation!r} (known: {sorted(RELATIONS)})")
    return RELATIONS[relation](count, _param(spec, "n", int))


def _keywords(spec: dict[str, Any]) -> list[str]:
    words = _param(spec, "keywords", (list, str))
    return [words] if isinstance(words, str) else [str(w) for w in words]


def _occurrences(word: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n|\n?\s*\*\*\*\s*\n?", text) if p.strip()]


@rule("word_count")
def word_count(text: str, spec: dict[str, Any]) -> bool:
    return _compare(len(re.findall(r"\w+(?:['’-]\w+)*", text)), spec, "at least")


@rule("sentence_count")
def sentence_count(text: str, spec: dict[str, Any]) -> bool:
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if re.search(r"\w", s)]
    return _compare(len(sentences), spec, "at least")


@rule("paragraph_count")  # blank lines or a `***` divider separate paragraphs
def paragraph_count(text: str, spec: dict[str, Any]) -> bool:
    return _compare(len(_paragraphs(text)), spec, "exactly")


@rule("keywords_include")
def keywords_include(text: str, spec: dict[str, Any]) -> bool:
    return all(_occurrences(w, text) for w in _keywords(spec))


@rule("keywords_forbid")
def keywords_forbid(text: str, spec: dict[str, Any]) -> bool:
    return not any(_occurrences(w, text) for w in _keywords(spec))


@rule("keyword_frequency")
def keyword_frequency(text: str, spec: dict[str, Any]) -> bool:
    return _compare(_occurrences(_param(spec, "keyword", str), text), spec, "at least")


@rule("letter_frequency")
def letter_frequency(text: str, spec: dict[str, Any]) -> bool:
    letter = _param(spec, "letter", str)
    if len(letter) != 1:
        raise RuleSpecError(f"parameter 'letter' must be one character, got {letter!r}")
    return _compare(text.lower().count(letter.lower()), spec, "at least")


@rule("json_format")  # the whole response, optionally in a ``` / ```json fence, is JSON
def json_format(text: str, spec: dict[str, Any]) -> bool:
    body = re.sub(r"^```(?:json|JSON)?\s*|\s*```$", "", text.strip())
    try:
        json.loads(body)
    except ValueError:
        return False
    return True


@rule("bullet_count")  # exactly n markdown bullets ("* " or "- " lines)
def bullet_count(text: str, spec: dict[str, Any]) -> bool:
    return _compare(len(re.findall(r"^\s*[*-]\s", text, re.MULTILINE)), spec, "exactly")


@rule("title")  # a title in double angular brackets, <<like this>>
def title(text: str, spec: dict[str, Any]) -> bool:
    return any(t.strip() for t in re.findall(r"<<([^\n]+?)>>", text))


@rule("ends_with")  # exact phrase at the very end (case-insensitive, outer whitespace/quotes ignored)
def ends_with(text: str, spec: dict[str, Any]) -> bool:
    return text.strip().strip('"').lower().endswith(_param(spec, "phrase", str).strip().lower())


@rule("starts_with")
def starts_with(text: str, spec: dict[str, Any]) -> bool:
    return text.strip().strip('"').lower().startswith(_param(spec, "phrase", str).strip().lower())


@rule("lowercase")
def lowercase(text: str, spec: dict[str, Any]) -> bool:
    return text == text.lower()


@rule("uppercase")
def uppercase(text: str, spec: dict[str, Any]) -> bool:
    return text == text.upper()


@rule("no_commas")
def no_commas(text: str, spec: dict[str, Any]) -> bool:
    return "," not in text


@rule("highlight_count")  # at least n *highlighted* (or **bold**) sections, as IFEval counts them
def highlight_count(text: str, spec: dict[str, Any]) -> bool:
    single = [h for h in re.findall(r"\*[^\n*]*\*", text) if h.strip("*").strip()]
    double = [h for h in re.findall(r"\*\*[^\n*]*\*\*", text) if h.strip("*").strip()]
    return _compare(len(single) + len(double), spec, "at least")


@rule("placeholder_count")  # at least n placeholders in square brackets, e.g. [address]
def placeholder_count(text: str, spec: dict[str, Any]) -> bool:
    return _compare(len(re.findall(r"\[[^\[\]\n]+\]", text)), spec, "at least")


def verify_instruct(problem: Problem, response: str) -> Verdict:
    specs = problem.instructions or []
    if not specs:
        return Verdict(correct=False, reward=0.0, error=True, detail=f"problem {problem.id!r} has no `instructions`")
    text = response if isinstance(response, str) else ""
    failed: list[str] = []
    for i, spec in enumerate(specs):
        name = spec.get("rule") if isinstance(spec, dict) else None
        if name not in RULES:
            return Verdict(correct=False, reward=0.0, error=True,
                           detail=f"instruction {i}: unknown rule {name!r} (known: {', '.join(sorted(RULES))})")
        try:
            passed = RULES[name](text, spec)
        except RuleSpecError as exc:
            return Verdict(correct=False, reward=0.0, error=True, detail=f"instruction {i} ({name}): {exc}")
        if not passed:
            failed.append(name)
    reward = 1.0 - len(failed) / len(specs)
    detail = f"failed: {', '.join(failed)}" if failed else f"all {len(specs)} rules passed"
    return Verdict(correct=not failed, reward=reward, detail=detail)
