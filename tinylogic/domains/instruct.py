"""Instruction following: a prompt with checkable rules, gold `instructions` (the rule dicts of
tinylogic/verify/instruct.py); the reward is the share of rules the response keeps. The prompt is asked
as written (the rules are in it); no vote."""

from __future__ import annotations

from tinylogic.data import suite_instruct
from tinylogic.data.schema import Problem
from tinylogic.domains.base import Domain
from tinylogic.verify.instruct import verify_instruct


def prompt(problem: Problem) -> str:
    return problem.prompt


DOMAIN = Domain(name="instruct", prompt=prompt, verify=verify_instruct, gold_fields={"instructions": list},
                suite=suite_instruct, aliases=("instruction", "ifeval"))
