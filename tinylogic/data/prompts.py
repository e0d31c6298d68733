"""How a problem is asked: the one place SFT data, evaluation, RL and serving take it from (a model must be
sampled with the same wording it was trained on). Each domain's wording is its `Domain.prompt`
(tinylogic/domains/); retrieved passages go before it."""

from __future__ import annotations

from tinylogic.data.schema import Problem
from tinylogic.domains import known, registry


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
    domain = registry().get(problem.domain)
    if domain is None:
        raise ValueError(f"problem {problem.id!r}: no prompt template for domain {problem.domain!r} "
                         f"(known: {known()})")
    block = passages_block(problem)
    return f"{block}\n\n{domain.prompt(problem)}" if block else domain.prompt(problem)


def build_prompt(problem: Problem) -> list[dict[str, str]]:
    """Chat messages for a problem (the engine applies the model's chat template): what evaluation, RL
    rollouts and distillation's teachers send."""
    return [{"role": "user", "content": solve_prompt(problem)}]
