"""The verifier domains, registered once in REGISTERED: a domain is one module of this package defining
`DOMAIN` (a `tinylogic.domains.base.Domain`: prompt, verifier, gold fields, vote key, report group, suite
generator). Every per-domain table is read from `registry()`: the prompt templates (data/prompts.py), the
verifier dispatch (verify/base.py), the gold fields of grader rows and serve requests (verify/batch.py,
serve/schemas.py), vote keys and the reasoning-vs-knowledge groups (eval/summary.py), the suite
generators (data/suite.py) and the names `data.domains` and verl's `ability` accept. docs/ARCHITECTURE.md,
"Adding a verifier domain", has a worked example.

The modules load on first use, not on `import tinylogic.domains`: a domain module imports its verifier and
suite generator, and a generator may itself use another domain (the instruct suite asks math and code tasks
the way those domains ask them).
"""

from __future__ import annotations

import importlib
from functools import cache

from tinylogic.domains.base import Domain

# The registry: one module of tinylogic/domains/ per name, in the order lists of domains are shown.
REGISTERED = ("math", "code", "choice", "instruct")


@cache
def registry() -> dict[str, Domain]:
    """Every registered domain by name (the same dict on every call)."""
    found = {}
    for name in REGISTERED:
        domain = importlib.import_module(f"tinylogic.domains.{name}").DOMAIN
        if domain.name != name:
            raise ValueError(f"tinylogic/domains/{name}.py: DOMAIN.name is {domain.name!r}, not {name!r}")
        found[name] = domain
    return found


def known(aliases: bool = False) -> str:
    """The domain names for an error message, e.g. "math, code, choice (also knowledge), instruct"."""
    return ", ".join(f"{d.name} (also {', '.join(d.aliases)})" if aliases and d.aliases else d.name
                     for d in registry().values())


def resolve(name: str) -> Domain:
    """The domain a name or one of its aliases spells (input written by people or other tools)."""
    for domain in registry().values():
        if name == domain.name or name in domain.aliases:
            return domain
    raise ValueError(f"unknown domain {name!r} (known: {known(aliases=True)})")
