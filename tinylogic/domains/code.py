"""Code: a programming task with gold `tests` (assert, call or stdio style: tinylogic/data/schema.py), run
against the response's last Python block in the sandbox (tinylogic/verify/code.py). No vote: a program
has no final answer to compare."""

from __future__ import annotations

from tinylogic.data import suite_code
from tinylogic.data.schema import Problem
from tinylogic.domains.base import Domain
from tinylogic.verify.code import verify_code

CODE_SUFFIX = "Write the complete solution in a single ```python code block."


def prompt(problem: Problem) -> str:
    return f"{problem.prompt}\n\n{CODE_SUFFIX}"


DOMAIN = Domain(name="code", prompt=prompt, verify=verify_code, gold_fields={"tests": dict}, kind="reasoning",
                suite=suite_code, claims=True, aliases=("coding",))
