"""Small text helpers shared by loaders, the task suite and the verifiers."""

from __future__ import annotations


def last_boxed(text: str) -> str | None:
    r"""Content of the last `\boxed{...}` (or `\fbox{...}`) in `text`, braces balanced; None if absent.

    The recipe's prompts ask for the final answer "within \boxed{}", so the last box is the answer.
    Linear scan, no regex backtracking: safe on hostile 50 KB responses.
    """
    for marker in ("\\boxed", "\\fbox"):
        start = text.rfind(marker)
        if start < 0:
            continue
        i = start + len(marker)
        while i < len(text) and text[i] == " ":
            i += 1
        if i >= len(text) or text[i] != "{":
            # `\boxed 5` form: up to the next whitespace or `$`.
            rest = text[i:].strip()
            return rest.split("$")[0].split()[0] if rest else None
        depth = 0
        for j in range(i, len(text)):
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    return text[i + 1 : j]
        return None  # unbalanced: no answer
    return None
