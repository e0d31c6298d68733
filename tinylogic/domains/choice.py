"""Multiple choice (knowledge, STEM): a question with lettered `choices` and a gold `answer` (a letter or
an option's text), graded by the option the response designates (tinylogic/verify/choice.py); votes
cluster on that option's letter. The built-in suite's questions over made-up facts
(tinylogic/data/suite_knowledge.py) are of this domain."""

from __future__ import annotations

from collections.abc import Sequence

from tinylogic.data import suite_knowledge
from tinylogic.data.schema import Problem
from tinylogic.domains.base import Domain
from tinylogic.verify.choice import extract_choice, option_letter, option_line, verify_choice

CHOICE_SUFFIX = "Answer with the letter or the option."


def lettered(choices: Sequence[str]) -> str:
    return "\n".join(option_line(option_letter(i), c) for i, c in enumerate(choices))


def prompt(problem: Problem) -> str:
    return f"{problem.prompt}\n\n{lettered(problem.choices or [])}\n\n{CHOICE_SUFFIX}"


def letter(problem: Problem, response: str) -> str | None:
    index, _ = extract_choice(response, problem.choices or [])
    return None if index is None else option_letter(index)


# suite_id: the suite's questions were named `knowledge-...` before the domain had one name; their ids stay
# (samples files, caches and resumed runs know a problem by its id), so the same seed gives the same suite.
DOMAIN = Domain(name="choice", prompt=prompt, verify=verify_choice,
                gold_fields={"answer": str, "choices": list}, kind="knowledge", vote_key=letter,
                suite=suite_knowledge, suite_id="knowledge", aliases=("knowledge", "stem", "science"))
