"""How a problem is asked, per domain: the one place SFT data, evaluation, RL and serving take it from
(a model must be sampled with the same wording it was trained on)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tinylogic.data.schema import Problem

# The recipe's math suffix (docs/RECIPE.md §6).
MATH_SUFFIX = "Let's think step by step and output the final answer within \\boxed{}."
CODE_SUFFIX = "Write the complete solution in a single ```python code block."
CHOICE_SUFFIX = "Answer with the letter or the option."


def lettered(choices: Sequence[str]) -> str:
    return "\n".join(f"{chr(65 + i)}. {c}" for i, c in enumerate(choices))


# Per domain: the user message for a problem.
PROMPTS: dict[str, Callable[[Problem], str]] = {
    "math": lambda p: f"{p.prompt}\n{MATH_SUFFIX}",
    "code": lambda p: f"{p.prompt}\n\n{CODE_SUFFIX}",
    "choice": lambda p: f"{p.prompt}\n\n{lettered(p.choices or [])}\n\n{CHOICE_SUFFIX}",
    "instruct": lambda p: p.prompt,
}


def passages_block(problem: Problem) -> str:
    """`Passages:` then `[1] text` lines from meta["passages"] ({id, text} dicts, e.g. from
    `tinylogic.retrieval.attach_passages`); empty when there are none."""
    passages = problem.meta.get("passages") or []
    if not isinstance(passages, list):
        raise ValueError(f"problem {problem.id!r}: meta.passages must be a list, got {type(passages).__name__}")
    lines = ["Passages:"]
    for i, passage in enumerate(passages, 1):
        if not isinstance(passage, dict) or not isinstance(passage.get("text"), str):
            raise ValueError(f"problem {problem.id!r}: meta.passages[{i - 1}] needs a 'text' string")
        lines.append(f"[{i}] {' '.join(passage['text'].split())}")
    return "\n".join(lines) if passages else ""


def solve_prompt(problem: Problem) -> str:
    """The user message that asks `problem`, after its retrieved passages when it has some."""
    if problem.domain not in PROMPTS:
        raise ValueError(f"problem {problem.id!r}: no prompt template for domain {problem.domain!r} "
                         f"(known: {', '.join(PROMPTS)})")
    block = passages_block(problem)
    return f"{block}\n\n{PROMPTS[problem.domain](problem)}" if block else PROMPTS[problem.domain](problem)


def build_prompt(problem: Problem) -> list[dict[str, str]]:
    """Chat messages for a problem (the engine applies the model's chat template): what evaluation, RL
    rollouts and distillation's teachers send."""
    return [{"role": "user", "content": solve_prompt(problem)}]
