"""The CLR claim format (docs/RECIPE.md §5): how a model is asked to list a solution's claims and to check
one, and how its answers are read. The suite's claim records (SFT) are written with it and test-time scaling
(`tinylogic.eval.tts`) asks and parses with it: a model must be asked the way it was trained.
"""

from __future__ import annotations

from collections.abc import Sequence

CLAIM_EXTRACT_PROMPT = "List the key claims of this solution, one per line, then the final answer.\n\n{trace}"
CLAIM_CHECK_PROMPT = "Is this claim correct? Answer yes or no.\nClaim: {claim}"
MAX_TRACE_CLAIMS = 5  # claims listed per extracted trace (the CLR report's M = 5)


def claim_extract_completion(claims: Sequence[str], answer: str) -> str:
    """`Claim: ...` lines (the last MAX_TRACE_CLAIMS: the decisive steps) then `Answer: X`."""
    kept = list(claims)[-MAX_TRACE_CLAIMS:]
    return "\n".join([*(f"Claim: {c}" for c in kept), f"Answer: {answer}"])


def parse_claim_extract(text: str) -> tuple[list[str], str | None]:
    """Inverse of `claim_extract_completion` on model output: (claims, answer or None)."""
    claims, answer = [], None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("Claim:"):
            claims.append(line.removeprefix("Claim:").strip())
        elif line.startswith("Answer:"):
            answer = line.removeprefix("Answer:").strip()
    return claims, answer


def parse_claim_check(text: str) -> bool | None:
    """'yes' -> True, 'no' -> False, anything else -> None (the first word decides)."""
    words = text.strip().lower().split()
    first = words[0].strip(".,!") if words else ""
    return {"yes": True, "no": False}.get(first)
