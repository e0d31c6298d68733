r"""Multiple-choice verifier: does the response's final answer designate the gold option?

The problem carries `choices` (option texts, lettered A, B, C, ... in order) and `answer` (a letter or
the option's text). The response's final answer is taken by the first rule that finds one:

1. the last `\boxed{...}`;
2. the last "answer is X" / "Answer: X" (also "final answer", "correct option is", case-insensitive);
3. the last standalone capital letter within the option range ("(B)", "B.", "B)" count);
4. the last option text that appears verbatim (case- and space-insensitive) in the response.

A found answer designates option k if it equals option k's text (case, spacing, outer punctuation
and `\text{}` ignored), else if it is k's letter: alone in any case ("b", "(B)", "B.", "B:") or a
capital followed by more text ("B) Paris", "B because ..."). Correct iff that option is the gold one.
"""

from __future__ import annotations

import re
import string

from tinylogic.data.schema import Problem, Verdict
from tinylogic.data.text import last_boxed

MAX_RESPONSE_CHARS = 8_000  # the final answer is at the end; bounded regex work on hostile input
_ANSWER_IS = re.compile(
    r"(?:final\s+answer|answer|correct\s+(?:option|choice))\s*(?:is|:)[ \t:]*", re.IGNORECASE
)
# "B", "(b)", "b.", "B:" (any case), or a capital letter before more text ("B) Paris", "B because").
_LETTER_ALONE = re.compile(r"^\(?\s*([A-Za-z])\s*(?:[).:]|$)")
_LETTER_THEN_TEXT = re.compile(r"^([A-Z])\s")


def option_letter(index: int) -> str:
    """Option `index`'s letter (0 -> "A")."""
    return chr(65 + index)


def option_line(letter: str, text: str) -> str:
    """One option as prompts list it ("D. Ansel"), read here as its letter; closed-book traces answer with it."""
    return f"{letter}. {text}"


def _norm(text: str) -> str:
    text = re.sub(r"\\text\{([^{}]*)\}", r"\1", text)
    return " ".join(text.lower().strip().strip(string.punctuation + " ").split())


def _option_of(answer: str, choices: list[str]) -> int | None:
    """Index of the option `answer` designates (an option text, else a letter), or None."""
    text = answer.strip().strip("*$ ")
    norm = _norm(text)
    for index, choice in enumerate(choices):
        if norm and norm == _norm(choice):
            return index
    match = _LETTER_ALONE.match(text) or _LETTER_THEN_TEXT.match(text)
    if match:
        index = ord(match.group(1).upper()) - ord("A")
        if 0 <= index < len(choices):
            return index
    return None


def extract_choice(response: str, choices: list[str]) -> tuple[int | None, str]:
    """(designated option index or None, which rule found it)."""
    tail = response[-MAX_RESPONSE_CHARS:]
    box = last_boxed(tail)
    if box is not None:
        return _option_of(box, choices), "boxed"
    anchors = list(_ANSWER_IS.finditer(tail))
    if anchors:  # the text after the last anchor, to the end of its line
        found = _option_of(tail[anchors[-1].end():].split("\n")[0], choices)
        if found is not None:
            return found, "answer is"
    letters = string.ascii_uppercase[: len(choices)]
    standalone = re.findall(rf"(?<![A-Za-z0-9])([{letters}])(?![A-Za-z0-9])", tail) if letters else []
    if standalone:
        return ord(standalone[-1]) - ord("A"), "last letter"
    lowered = " ".join(tail.lower().split())
    hits = [(lowered.rfind(_norm(c)), i) for i, c in enumerate(choices) if _norm(c)]
    hits = [h for h in hits if h[0] >= 0]
    if hits:
        return max(hits)[1], "option text"
    return None, "none"


def verify_choice(problem: Problem, response: str) -> Verdict:
    choices = problem.choices or []
    if not choices:
        return Verdict(correct=False, reward=0.0, error=True, detail=f"problem {problem.id!r} has no `choices`")
    if len(choices) > 26:
        return Verdict(correct=False, reward=0.0, error=True, detail=f"problem {problem.id!r}: more than 26 choices")
    gold = _option_of(problem.answer or "", choices)
    if gold is None:
        return Verdict(correct=False, reward=0.0, error=True,
                       detail=f"gold answer {problem.answer!r} is neither a letter A-{chr(64 + len(choices))} "
                              "nor an option text")
    if not isinstance(response, str):
        return Verdict(correct=False, reward=0.0, detail="response is not text")
    found, rule = extract_choice(response, choices)
    if found is None:
        return Verdict(correct=False, reward=0.0, detail=f"no option found in the response ({rule})")
    correct = found == gold
    return Verdict(correct=correct, reward=float(correct),
                   detail=f"answered {option_letter(found)} ({rule}); gold {option_letter(gold)}")
