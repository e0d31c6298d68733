"""The record a verifier domain is: everything the rest of tinylogic needs to know about one domain, so that
every per-domain table (prompts, verifier dispatch, gold fields, vote keys, report groups, suite
generators, config names) is read from one place (docs/ARCHITECTURE.md, "Adding a verifier domain")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

from tinylogic.data.schema import Problem, Verdict


@dataclass(frozen=True)
class Domain:
    name: str  # Problem.domain; the one name configs, data files, RL phases, reports and requests use
    prompt: Callable[[Problem], str]  # the user message asking the problem (retrieved passages go before it)
    verify: Callable[[Problem, str], Verdict]  # never raises for a bad response (tinylogic/verify/base.py)
    # The Problem fields holding the gold, with the JSON types a grader row or serve request may give them in
    gold_fields: Mapping[str, type | tuple[type, ...]]
    kind: Literal["reasoning", "knowledge"] | None = None  # its group in the reasoning-vs-knowledge table
    # The final answer a vote clusters on, read from a response (never the gold); None: no vote (no maj@n)
    vote_key: Callable[[Problem, str], str | None] | None = None
    # A slower equality of two vote keys, tried when the plain string comparison says no (math: math-verify)
    same_answer: Callable[[str, str], bool] | None = None
    # The built-in suite's generator (SUBDOMAINS, correct: tinylogic/data/suite.py), None: not in the suite
    suite: ModuleType | None = None
    suite_id: str | None = None  # the start of its suite problems' ids (None: `name`): keep it once published
    claims: bool = False  # its suite traces state arithmetic claims: claim-extraction/check records for CLR
    aliases: tuple[str, ...] = ()  # other spellings accepted on input (data.domains, verl `ability`)
