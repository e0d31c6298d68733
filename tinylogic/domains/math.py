r"""Math: a question with a gold `answer`, asked for the final answer in `\boxed{}`, graded by math-verify
(tinylogic/verify/math.py); votes cluster on the boxed answers, equal by math-verify too."""

from __future__ import annotations

from tinylogic.data import suite_math
from tinylogic.data.schema import Problem
from tinylogic.data.text import last_boxed
from tinylogic.domains.base import Domain
from tinylogic.verify.math import extract_answer_text, same_math_answer, verify_math

# The recipe's math suffix (docs/RECIPE.md §6).
MATH_SUFFIX = "Let's think step by step and output the final answer within \\boxed{}."


def prompt(problem: Problem) -> str:
    return f"{problem.prompt}\n{MATH_SUFFIX}"


def final_answer(problem: Problem, response: str) -> str | None:
    text, how = extract_answer_text(response)
    return last_boxed(text) if how != "tail" else None  # "\boxed{x}" -> "x"; no box or ####: no answer


DOMAIN = Domain(name="math", prompt=prompt, verify=verify_math, gold_fields={"answer": (str, int, float)},
                kind="reasoning", vote_key=final_answer, same_answer=same_math_answer, suite=suite_math,
                claims=True)
