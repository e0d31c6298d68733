"""What the recipe's sections (tinylogic/config.py) are built from: the `Section` base, `TrainerMemory` (the
settings both trainers share), the field types that read a recipe's spellings, and the typed unions: `Goal`, a
recipe's goals, and `Advantage`, the RL advantage estimators' sections."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field


class Section(BaseModel):
    # Unknown keys are errors: a typo in a recipe must not silently fall back to a default.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class TrainerMemory(Section):
    """Memory settings of both trainers, SFT and RL (docs/SCALE.md)."""

    loss_chunk_tokens: int = Field(
        1024, ge=0, description="Labelled positions per chunk of the LM head in the loss (train/logprobs.py): only "
        "one chunk's full-vocabulary logits exist at a time, recomputed in backward. 0: all at once.")
    activation_checkpointing: bool = Field(
        False, description="Recompute each layer's activations in backward instead of keeping them (less "
        "memory, one more forward per layer in backward): for long rows on a GPU.")
    attn_implementation: str = Field(
        "sdpa", description="transformers attention: sdpa, eager, or flash_attention_2 (needs flash-attn; packed "
        "rows then run varlen by position_ids).")


# YAML reads a bare on / off as a boolean: `--set sft.bf16=on` must still mean "on"
OnOff = Annotated[Literal["auto", "on", "off"],
                  BeforeValidator(lambda v: {True: "on", False: "off"}.get(v, v) if isinstance(v, bool) else v)]


def named_variant(default: str) -> BeforeValidator:
    """A variant written as its name alone (`advantage: grpo`) is that variant with its defaults; a section
    without `name` (`--set rl.advantage.lambda=3`) is the default variant."""
    def named(value: Any) -> Any:
        if isinstance(value, str):
            return {"name": value}
        return {"name": default, **value} if isinstance(value, dict) and "name" not in value else value

    return BeforeValidator(named)


def _suite_domain(name: str) -> str:
    from tinylogic.data.suite import suite_domain

    suite_domain(name)  # a registered domain (or an alias of one) with a suite generator, else ValueError
    return name  # as written, not its domain's name: the value is in the data stage's key, so runs keep resuming


# A domain of the built-in suite, by name or alias (tinylogic/domains/)
SuiteDomain = Annotated[str, AfterValidator(_suite_domain)]


def _problem_domain(name: str) -> str:
    from tinylogic.domains import resolve

    return resolve(name).name  # problems carry the domain's name, not an alias (knowledge -> choice)


# A registered verifier domain, by name or alias, kept as its name: what a problem's `domain` can be
ProblemDomain = Annotated[str, AfterValidator(_problem_domain)]


def _goal_problems(name: str) -> str:
    return name if name == "all" else _problem_domain(name)  # the name eval summaries use


# The test problems a goal is checked on: all, or one registered domain by name or alias
GoalProblems = Annotated[str, AfterValidator(_goal_problems)]


# The selection methods of eval/tts.py's METHODS registry (a test ties the names)
TTSMethod = Literal["single", "majority", "weighted", "clr", "verifier"]


# ---- a recipe's goals (`goals`, a typed union by `kind`), checked by the run report

class _Goal(Section):
    """What every goal has: its claim in words and, shown when it is missed, the measured reason."""

    claim: str = Field(description="The goal in words, as the report's Goals table shows it.")
    why_missed: str = Field("", description="Shown beside a missed goal: its measured reason (e.g. a BENCHMARKS.md "
                            "section).")


class LevelGoal(_Goal):
    """`goals` level: one evaluated model's Pass@k on a set of test problems is at least a number, or at
    least another evaluated model's on the same problems."""

    kind: Literal["level"] = Field("level", description="Selects this goal.")
    model: str = Field(description="An evaluated model, named as in eval.models (e.g. sft1, rl_last).")
    domain: GoalProblems = Field("all", description="Test problems: all, or one domain's (e.g. math).")
    passages: bool | None = Field(None, description="Knowledge questions only asked with retrieved passages "
                                  "(true) or closed-book (false); null: both.")
    metric: str = Field("pass@1", pattern=r"^pass@[1-9][0-9]*$", description="pass@k, k <= eval.n.")
    at_least: float | str = Field(description="A number, or another evaluated model (its same metric).")

    @property
    def k(self) -> int:
        """k of the metric's pass@k."""
        return int(self.metric.split("@")[1])


class ChangeGoal(_Goal):
    """`goals` change: Pass@1 from `before` to `after`, paired over the same test problems, is at least
    `at_least_se` standard errors (3: rises by a clear effect; -1: falls by less than one SE)."""

    kind: Literal["change"] = Field("change", description="Selects this goal.")
    before: str = Field(description="The evaluated model before (as in eval.models).")
    after: str = Field(description="The evaluated model after.")
    domain: GoalProblems = Field("all", description="Test problems: all, or one domain's (e.g. math).")
    at_least_se: float = Field(description="Smallest change, in standard errors of the paired difference.")


class SelectionGoal(_Goal):
    """`goals` selection: one test-time-scaling method's accuracy on the final model is above another's, or
    above Pass@1 (the mean over the K samples: what one sample scores, without the luck of the first draw)."""

    kind: Literal["selection"] = Field("selection", description="Selects this goal.")
    method: TTSMethod = Field(description="The method (eval.tts) that must win.")
    above: TTSMethod | Literal["pass@1"] = Field(description="The method it must beat, or pass@1.")
    domain: GoalProblems = Field("all", description="Test problems: all, or one domain's (e.g. math).")
    at_least_se: float | None = Field(
        None, description="Win by at least this many standard errors of the per-problem paired difference (3: a "
        "clear effect). Null: any margin above.")


# A run's goals, checked by its report (`kind` picks the variant)
Goal = Annotated[LevelGoal | ChangeGoal | SelectionGoal, Field(discriminator="kind")]


# ---- the RL advantage estimators' own sections (`rl.advantage`, a typed union by `name`)

class GRPOAdvantage(Section):
    """`rl.advantage` grpo: (r − mean) / std within each group."""

    name: Literal["grpo"] = Field("grpo", description="Selects this estimator.")


class MGPOAdvantage(Section):
    """`rl.advantage` mgpo (docs/RECIPE.md §2): GRPO's advantage × w, w = exp(−λ·D_ME(p‖0.5)), p the
    group's accuracy."""

    model_config = ConfigDict(validate_by_name=True, serialize_by_alias=True)
    name: Literal["mgpo"] = Field("mgpo", description="Selects this estimator.")
    lambda_: float = Field(2.0, ge=0, alias="lambda", description="λ in w = exp(−λ·D_ME(p‖0.5)); 0 is plain GRPO. "
                           "Not given in the reports.")


class DrGRPOAdvantage(Section):
    """`rl.advantage` dr_grpo: r − mean, no std division (Dr. GRPO)."""

    name: Literal["dr_grpo"] = Field("dr_grpo", description="Selects this estimator.")


class RLOOAdvantage(Section):
    """`rl.advantage` rloo: r_i − the mean of the group's other rewards (leave-one-out)."""

    name: Literal["rloo"] = Field("rloo", description="Selects this estimator.")


# The estimators of train/rl_algos.py's ADVANTAGES registry, each with its own settings (a test ties the names)
Advantage = Annotated[GRPOAdvantage | MGPOAdvantage | DrGRPOAdvantage | RLOOAdvantage,
                      Field(discriminator="name"), named_variant("mgpo")]
