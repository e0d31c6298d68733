"""The recipe's settings: one pydantic config tree (prime-rl style), every setting with its default and
meaning. Invalid values fail validation with the dotted field named.

Read from YAML and `--set a.b=v` overrides by tinylogic/config_load.py; docs/CONFIG.md is generated from
these models by tinylogic/config_docs.py (`tinylogic config docs`), and a test fails if the page drifts. The
section base and shared field types are in tinylogic/config_base.py.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import Field, NonNegativeFloat, ValidationError, field_validator, model_validator

from tinylogic.config_base import (
    Advantage,
    Goal,
    MGPOAdvantage,
    OnOff,
    ProblemDomain,
    Section,
    SuiteDomain,
    TrainerMemory,
    TTSMethod,
)

SHARED_MATH_BENCHMARKS = [
    "../shared/data/benchmarks/aime24.parquet",
    "../shared/data/benchmarks/aime25.parquet",
    "../shared/data/benchmarks/hmmt25.parquet",
    "../shared/data/benchmarks/aime24_test.jsonl",
    "../shared/data/benchmarks/amc23_test.jsonl",
    "../shared/data/benchmarks/gsm8k_test.jsonl",
    "../shared/data/benchmarks/minerva_math_test.jsonl",
    "../shared/data/benchmarks/olympiadbench_test.jsonl",
]


class DataConfig(Section):
    """Training data: the built-in suite and/or your own files, then decontamination (docs/RECIPE.md §0)."""

    suite_size: int = Field(2000, ge=0, description="Problems synthesised for the built-in suite (0: none).")
    suite_seed: int = Field(0, description="Seed of the built-in suite; same seed, same problems.")
    domains: list[SuiteDomain] = Field(
        default_factory=lambda: ["math", "code"], description="Built-in suite domains to synthesise: math, code, "
        "choice (multiple choice over made-up facts; `knowledge` is accepted for it, the same problems), instruct "
        "(the math and code tasks asked with checkable rules).")
    heldout_fraction: float = Field(0.1, ge=0, lt=1, description="Share of suite problems kept out of training.")
    flawed_fraction: float = Field(
        0.05, ge=0, le=1, description="Share of teacher traces made deliberately wrong (marked `flawed`).")
    train_files: list[str] = Field(
        default_factory=list, description="Extra training problems: JSONL, parquet (verl layout too) or dataset dirs.")
    decontam_against: list[str] = Field(
        default_factory=lambda: list(SHARED_MATH_BENCHMARKS),
        description="Evaluation files no training row may share an n-gram with.")
    decontam_ngram: int = Field(10, ge=1, description="n of the word n-gram overlap rule (the recipe uses 10).")


class ModelConfig(Section):
    """The base model the recipe post-trains."""

    base: str = Field(
        "tiny",
        description="`tiny` or `small` builds the embedded default from random weights (local tokenizer + Qwen2 "
        "config, nothing downloaded); `tiny-pretrained` is the tiny model after recipes/base.yaml, shipped in the "
        "package; otherwise a save_pretrained directory (e.g. your own `runs/base/02a-pretrain/final`) or a "
        "Hugging Face model name.")
    init_seed: int = Field(0, description="Seed of the embedded default's initial weights.")


class SFTTraining(TrainerMemory):
    """What `train_sft` runs with: packing, AdamW, cosine LR with warmup, checkpoints (the SFT stages and the
    pretraining run)."""

    epochs: float = Field(5, gt=0, description="Epochs over all data: a `tinylogic sft` run, stage 1 (3B report: 5).")
    pack_tokens: int = Field(
        2048, ge=16, description="Tokens per packed row (one micro-batch); examples never attend across rows' "
        "example boundaries. Longer examples lose their ends (training warns how many).")
    micro_batch_rows: int = Field(
        1, ge=1, description="Packed rows per forward pass (right-padded to the longest). Attention costs "
        "pack_tokens² per row, so short examples train fastest in short rows stacked several at a time.")
    weight_decay: float = Field(0.0, ge=0, description="AdamW weight decay.")
    grad_clip: float = Field(1.0, gt=0, description="Clip the global gradient norm to this value.")
    save_every: int = Field(0, ge=0, description="Save a checkpoint every k optimizer steps (0: only the final model).")
    keep_checkpoints: int = Field(0, ge=0, description="Keep only the newest k step checkpoints (0: keep all; "
                                  "probing needs them).")
    bf16: OnOff = Field(
        "auto", description="bf16 autocast: auto = on CUDA with bf16 support, never on CPU (on this CPU with AMX, "
        "`on` trained 1.1-1.5x faster: BENCHMARKS.md).")
    log_every: int = Field(1, ge=1, description="Write a metrics row every k steps.")
    learning_rate: float = Field(5e-5, gt=0, description="Peak LR (3B report: 5e-5).")
    min_learning_rate: float = Field(8e-8, ge=0, description="Floor of the cosine decay (3B report: 8e-8).")
    warmup_ratio: float = Field(0.05, ge=0, lt=1, description="Share of steps spent warming up (3B report: 5%).")
    global_batch_size: int = Field(128, ge=1, description="Examples per optimizer step, across all processes (3B report: 128).")
    domain_weights: dict[str, NonNegativeFloat] = Field(
        default_factory=dict, description="How often each domain's records are seen, relative to the others (a "
        "record's `domain`; built-in knowledge questions are `choice`), e.g. {choice: 3}: a weight w repeats each "
        "record floor(w) times plus a seeded share w - floor(w) once more; 0 drops the domain; unlisted domains "
        "weigh 1. `epochs` counts passes over the weighted set. Every SFT run of the recipe uses it except "
        "curriculum stage 0 (its domains alone, unweighted).")


class SFTConfig(SFTTraining):
    """Spectrum phase SFT (docs/RECIPE.md §1): completion-only loss, packing, cosine LR with warmup.
    Consumed by `tinylogic sft`; the stage-2 (hard subset) settings by `tinylogic data hard-subset` and `tinylogic run`."""

    include_claims: bool = Field(
        True, description="From problem files: also train on claim-extraction and claim-check records "
        "(what CLR self-verification needs), besides solving.")
    epochs_stage2: float = Field(2, gt=0, description="Stage 2 epochs over the hard subset (3B report: 2).")
    learning_rate_stage2: float | None = Field(
        None, gt=0, description="Stage 2 peak LR (null: `learning_rate`, the reports' \"same schedule\"). A "
        "high stage-1 LR restarted on a small hard subset can undo stage 1's broader skills.")
    hard_min_trace_tokens: int = Field(5000, ge=0, description="Stage 2 keeps traces at least this long (3B: 5K).")
    hard_min_error_rate: float = Field(
        0.75, ge=0, le=1, description="Stage 2 keeps problems the reference model fails at least this often.")
    hard_rollouts: int = Field(8, ge=1, description="Rollouts per problem to estimate the error rate.")


class PretrainConfig(Section):
    """Pretraining the embedded base on raw text of the suite's world (`tinylogic.data.corpus`;
    `recipes/base.yaml`): on only when `documents` > 0. The corpus leaves out every held-out problem of the
    run's data stage."""

    documents: int = Field(0, ge=0, description="Training documents of the corpus (0: no pretraining stage).")
    heldout_documents: int = Field(
        400, ge=0, description="Documents of another corpus seed, scored after training: the share whose last "
        "answer the model predicts token for token, per kind.")
    corpus_seed: int = Field(0, description="Seed of the corpus (the held-out documents use corpus_seed + 1).")
    kinds: dict[str, NonNegativeFloat] = Field(
        default_factory=lambda: {"math": 0.3, "code": 0.2, "knowledge": 0.4, "instruct": 0.1},
        description="Share of each kind of document; the kinds are data/corpus.py's KINDS.")
    training: SFTTraining = Field(
        default_factory=SFTTraining, description="train_sft's settings for the pretraining run (every token is a "
        "label), with `sft`'s defaults: recipes/base.yaml sets them.")


class RLPhase(Section):
    """One RL phase (docs/RECIPE.md §2: Math RL → Code RL → STEM RL): its own data, verifier and
    settings. The verifier follows each problem's domain (math: answer check; code: sandboxed tests;
    choice: option match). Each phase starts from the previous phase's final model and keeps its own."""

    name: str = Field(description="Phase name; outputs go to `<rl out>/<NN>-<name>/`.")
    domains: list[ProblemDomain] = Field(
        default_factory=lambda: ["math"], description="Problem domains this phase trains on (from the run's training "
        "data).")
    subdomains: list[str] = Field(default_factory=list, description="Keep only these subdomains (empty: all).")
    difficulties: list[int | str] = Field(default_factory=list,
                                          description="Keep only these difficulty tiers (empty: all).")
    data: str | None = Field(None, description="A problem file for this phase instead of the run's training data.")
    long2short: bool = Field(False, description="Long2Short brevity shaping (a math phase after the accuracy phase).")
    overrides: dict[str, Any] = Field(
        default_factory=dict, description="RL settings that differ in this phase, e.g. {steps: 50, learning_rate: 1e-6}.")


class RLConfig(TrainerMemory):
    """Signal phase RL (docs/RECIPE.md §2), consumed by `tinylogic rl`. The settings apply to every phase
    unless the phase's `overrides` change them."""

    advantage: Advantage = Field(
        default_factory=MGPOAdvantage, description="Advantage estimator and its settings, by `name` (a name "
        "alone, e.g. `grpo`, takes its defaults): grpo, mgpo (with `lambda`), dr_grpo, rloo (docs/RL.md).")
    loss_aggregation: Literal["seq_mean_token_mean", "token_mean", "seq_mean_token_sum"] = Field(
        "seq_mean_token_mean", description="Token mean per sequence then mean over sequences (the recipe's); "
        "one token mean over the batch; or token sums / max_new_tokens (Dr. GRPO).")
    group_size: int = Field(8, ge=2, description="G: samples per prompt.")
    prompts_per_step: int = Field(32, ge=1, description="Prompts (groups) per rollout batch, across all processes.")
    mini_batches: int = Field(1, ge=1, description="Optimizer steps per rollout batch (1: fully on-policy, ratio ≡ 1; "
                              "later mini-batches take ratios to the sampling policy and are clipped).")
    steps: int = Field(100, ge=1, description="Rollout batches per phase.")
    learning_rate: float = Field(1e-6, gt=0, description="AdamW LR (constant after warmup). Not given in the reports.")
    warmup_steps: int = Field(0, ge=0, description="Linear LR warmup, in optimizer steps.")
    weight_decay: float = Field(0.0, ge=0, description="AdamW weight decay.")
    grad_clip: float = Field(1.0, gt=0, description="Clip the global gradient norm to this value.")
    clip_eps_low: float = Field(0.2, ge=0, description="ε below 1 in clip(ρ, 1−ε, 1+ε).")
    clip_eps_high: float = Field(0.2, ge=0, description="ε above 1 in clip(ρ, 1−ε, 1+ε).")
    kl_coef: float = Field(0.0, ge=0, description="k3 KL to the frozen phase-start model; the recipe shows none (0 = off).")
    long2short_lambda: float = Field(0.2, ge=0, description="Long2Short brevity shaping λ (phases with long2short).")
    temperature: float = Field(1.0, gt=0, description="Sampling temperature of rollouts; the loss's log-probs are "
                               "taken at the same temperature.")
    top_p: float = Field(1.0, gt=0, le=1, description="Nucleus sampling of rollouts (1: off); the loss's log-probs are "
                         "those of the same truncated distribution.")
    max_new_tokens: int = Field(1024, ge=1, description="Longest response; longer ones are cut (and usually fail).")
    pass_rate_filter: bool = Field(
        True, description="Before each phase, drop prompts the starting model solves 0/G or G/G (no GRPO signal).")
    filter_max_prompts: int = Field(0, ge=0, description="Rate at most this many prompts per phase (0: all); "
                                    "the rest are not used.")
    filter_max_per_subdomain: int = Field(
        0, ge=0, description="Keep at most this many filtered prompts per subdomain, the least often solved first "
        "(0: all), so that no one subdomain fills the phase.")
    dynamic_sampling: bool = Field(
        False, description="Refill a rollout batch with fresh prompts while groups with no signal are dropped.")
    dynamic_sampling_rounds: int = Field(3, ge=1, description="At most this many extra draws per rollout batch.")
    pack_tokens: int = Field(4096, ge=16, description="Tokens per packed training row (at least the longest sequence). "
                             "Attention costs pack_tokens² per row: short responses train fastest in short rows.")
    micro_batch_rows: int = Field(1, ge=1, description="Packed rows per forward pass.")
    engine_batch_size: int = Field(64, ge=1, description="Sequences the hf engine decodes together in rollouts "
                                   "(vllm gets all of a step's prompts at once).")
    tis_cap: float = Field(
        2.0, ge=1, description="Truncated importance sampling, when rollouts come from a separate engine (the "
        "`engine` section's vllm, or a whole copy under FSDP2): each token's loss is weighted by "
        "min(π_trainer / π_sampler, tis_cap), correcting the two engines' log-prob mismatch. Not in the reports.")
    save_every: int = Field(0, ge=0, description="Checkpoint every k rollout batches (0: only each phase's final).")
    keep_checkpoints: int = Field(2, ge=0, description="Keep only the newest k step checkpoints of a phase (0: all).")
    bf16: OnOff = Field("auto", description="bf16 autocast of the loss and of the rollouts (sampled from the policy "
                        "being trained): auto = on CUDA with bf16 support.")
    report_to: Literal["auto", "none", "tensorboard", "wandb"] = Field(
        "auto", description="Metrics go to metrics.jsonl always, and to tensorboard/wandb (auto: tensorboard when "
        "installed).")
    phases: list[RLPhase] = Field(
        default_factory=lambda: [RLPhase(name="math", domains=["math"]), RLPhase(name="code", domains=["code"])],
        description="Phases in order; a recipe may list any subset or add its own.")

    @model_validator(mode="before")
    @classmethod
    def _moved_settings(cls, data: Any) -> Any:
        if isinstance(data, dict) and "mgpo_lambda" in data:
            raise ValueError(f"mgpo_lambda is now the mgpo estimator's `lambda`: write advantage: {{name: mgpo, "
                             f"lambda: {data['mgpo_lambda']}}} (or --set rl.advantage.lambda={data['mgpo_lambda']})")
        return data

    @model_validator(mode="after")
    def _check_phases(self) -> RLConfig:
        if self.kl_coef > 0 and self.top_p < 1:
            # k3 needs log π_ref of every sampled token; outside the reference's nucleus it is −inf
            raise ValueError(f"kl_coef ({self.kl_coef}) > 0 needs top_p = 1 (got {self.top_p}): the KL estimate is "
                             "undefined where a sampled token lies outside the reference model's nucleus")
        names = [p.name for p in self.phases]
        if len(set(names)) != len(names):
            raise ValueError(f"phase names must be unique, got {names}")
        for phase in self.phases:
            if "phases" in phase.overrides:
                raise ValueError(f"phase {phase.name!r}: overrides cannot contain `phases`")
            try:
                self.for_phase(phase)
            except ValidationError as exc:
                bad = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
                raise ValueError(f"phase {phase.name!r} overrides: {bad}") from None
        return self

    def for_phase(self, phase: RLPhase) -> RLConfig:
        """These settings with the phase's overrides applied (validated)."""
        return RLConfig.model_validate({**self.model_dump(exclude={"phases"}), **phase.overrides, "phases": []})


class TTSConfig(Section):
    """Test-time scaling (docs/RECIPE.md §5): choose one of K samples by vote, verifier or Claim-Level
    Reliability (CLR). Used by `tinylogic eval --tts` and by serving; see docs/EVAL.md."""

    methods: list[TTSMethod] = Field(
        default_factory=lambda: list(get_args(TTSMethod)),
        description="Selection methods to run (`tinylogic eval --tts` names its own).")
    domains: list[ProblemDomain] = Field(
        default_factory=list, description="Run selection on these domains' problems only (empty: all). CLR has "
        "the model list and check each sample's claims, which costs as much on a domain whose answers carry no "
        "claims (multiple choice) as on math. In `tinylogic run` the final model's TTS then runs apart, on up to "
        "eval.max_problems test problems of these domains (eval.tts_n samples each), and its own row takes eval.n.")
    k: int = Field(32, ge=1, description="K: samples to choose from (report: 32). `tinylogic eval` uses the first "
                   "min(K, n) of its n samples per problem.")
    m: int = Field(5, ge=1, description="M: claims per trajectory in r_k = ((1/M) Σ_m v_m)^M (report: 5). When "
                   "the model lists more, the last M are kept (the decisive steps, as the suite trains).")
    missing_claims: Literal["false", "ignore"] = Field(
        "false", description="A trajectory listing fewer than M claims: `false` counts the missing ones as false "
        "verdicts (the formula as written); `ignore` averages over the claims listed. No claims at all: r = 0.")
    tie_break: Literal["larger", "earliest"] = Field(
        "larger", description="Clusters with equal Score(G) = Σ r_k (or equal weight): `larger` prefers more "
        "members, then the earliest first member; `earliest` only the earliest first member.")
    all_zero: Literal["majority", "single", "abstain"] = Field(
        "majority", description="CLR when every r_k is 0: majority vote, the first sample, or no answer.")
    verifier_fallback: Literal["majority", "weighted", "clr", "single", "abstain"] = Field(
        "majority", description="`verifier` when no sample has a verdict (no gold) or none is accepted.")
    extract_prompt: str | None = Field(
        None, pattern=r"\{trace\}", description="Claim-extraction prompt with `{trace}` (and optionally "
        "`{problem}`); null: the suite's CLAIM_EXTRACT_PROMPT, the one the model was trained on.")
    check_prompt: str | None = Field(
        None, pattern=r"\{claim\}", description="Claim-check prompt with `{claim}` (and optionally `{problem}`); "
        "null: the suite's CLAIM_CHECK_PROMPT.")
    temperature: float = Field(0.0, ge=0, description="Decoding temperature of extraction and checking (0: greedy).")
    extract_max_tokens: int = Field(256, ge=1, description="Generation budget of one claim extraction.")
    check_max_tokens: int = Field(8, ge=1, description="Generation budget of one claim verdict (yes/no).")


class DistillConfig(Section):
    """Offline self-distillation (docs/RECIPE.md §3). Consumed by `tinylogic distill`: sample each RL
    phase's checkpoint, keep verified-correct traces, score each with the learning potential
    S_LP = −(1/|y|) Σ log π_student(y_t | q, y<t), select within per-domain length buckets, then SFT the
    student. The student's SFT is the `sft` section with `epochs` and `learning_rate` replaced by the
    two below. None of these values is given in the reports."""

    samples_per_problem: int = Field(8, ge=1, description="Samples per problem from each teacher checkpoint.")
    temperature: float = Field(1.0, ge=0, description="Teacher sampling temperature (the recipe's eval setting).")
    top_p: float = Field(0.95, gt=0, le=1, description="Teacher nucleus sampling (the recipe's eval setting).")
    max_new_tokens: int = Field(1024, ge=1, description="Generation budget per teacher sample.")
    keep_truncated: bool = Field(
        False, description="Keep correct samples that hit max_new_tokens (they never ended: SFT on them would "
        "teach stopping mid-thought).")
    min_trace_tokens: int = Field(
        16, ge=0, description="Drop traces shorter than this many tokens (the teacher's sample, end token "
        "included). Raise it for long-reasoning models, e.g. 256.")
    length_buckets: int = Field(
        4, ge=1, description="Per-domain length buckets (quantiles of trace tokens); S_LP is ranked within each.")
    outlier_mad: float = Field(
        3.5, ge=0, description="Drop a trace whose S_LP exceeds its bucket's median + k·1.4826·MAD (robust "
        "z-score > k): extreme surprise for the student, often degenerate text. 0: no outlier cut.")
    keep_low: float = Field(
        0.4, ge=0, le=1, description="Keep S_LP quantiles in [keep_low, keep_high] of the bucket (after the "
        "outlier cut; a trace's quantile is (rank + 0.5)/n): the middle-to-high range.")
    keep_high: float = Field(0.95, ge=0, le=1, description="Upper end of the kept S_LP quantile range.")
    max_per_problem: int = Field(
        4, ge=0, description="At most this many kept traces per problem, highest S_LP first (0: no limit).")
    max_per_domain: int = Field(
        0, ge=0, description="At most this many kept traces per domain, taken evenly across its length "
        "buckets, highest S_LP first (0: no limit).")
    domain_weights: dict[str, NonNegativeFloat] = Field(
        default_factory=dict, description="Domain mix of the selection, e.g. {math: 0.7, code: 0.3}: "
        "over-represented domains are cut down to it (nothing is repeated); domains with candidates but no "
        "weight are dropped. Empty: the natural mix.")
    epochs: float = Field(2, gt=0, description="Student SFT epochs over the selection (replaces sft.epochs).")
    learning_rate: float = Field(
        1e-5, gt=0, description="Student SFT peak LR (replaces sft.learning_rate): gentler than stage 1, so "
        "the RL gains are kept.")

    def model_post_init(self, context: Any) -> None:
        if self.keep_low > self.keep_high:
            raise ValueError(f"keep_low ({self.keep_low}) must not exceed keep_high ({self.keep_high})")


class RetrievalConfig(Section):
    """Retrieval for facts (docs/RECIPE.md §7): top-k passages from an index put into prompts.
    Consumed by `tinylogic data synth` (the built-in knowledge questions), `tinylogic index attach` and `tinylogic run`
    (its eval stage asks each question of `domains` closed-book and with the top-k passages of the index)."""

    index: str | None = Field(
        None, description="Index folder from `tinylogic index build`. In `tinylogic run`, data.train_files' "
        "questions of `domains` are trained with its top-k passages, and test questions asked both ways. Null: "
        "the run indexes the built-in facts' corpus itself when data.domains has knowledge (else closed-book only).")
    k: int = Field(
        5, ge=1, description="Passages put into a prompt (top-k). On the built-in facts BM25 recall@3 is "
        "~0.75 and recall@5 1.0 (BENCHMARKS.md), so 5.")
    domains: list[ProblemDomain] = Field(
        default_factory=lambda: ["choice"],
        description="Problem domains whose prompts get passages (facts serve multiple choice; math and code "
        "need none).")
    suite_passage_fraction: float = Field(
        0.5, ge=0, le=1, description="Share of the built-in knowledge training questions asked with their "
        "top-k passages from the built-in corpus (the rest closed-book); held-out questions stay closed-book.")


class SpectrumConfig(Section):
    """The Spectrum phase as `tinylogic run` chains it (docs/RECIPE.md §1): stage-1 SFT → probe → fuse →
    hard subset → stage-2 SFT → probe → fuse. The SFT runs use the `sft` section; their `sft.save_every` checkpoints (and
    final) are the probe's candidates; stage 2 uses `sft.epochs_stage2` and the `sft.hard_*` settings."""

    probe_problems: int = Field(
        128, ge=1, description="Held-out suite problems set aside as the probing set (a validation split); the "
        "rest of the held-out split is the test set every stage is evaluated on.")
    probe_k: int = Field(4, ge=1, description="K of the probe's Pass@K per subdomain (not given in the reports).")
    probe_n: int = Field(4, ge=1, description="Samples per probing problem (>= probe_k; unbiased Pass@K).")
    max_new_tokens: int = Field(256, ge=1, description="Generation budget of probing and hard-subset rollouts.")
    save_every_stage2: int = Field(0, ge=0, description="Checkpoint every k steps in stage 2, the probe's "
                                   "candidates there (0: sft.save_every; stage 2 is much shorter than stage 1).")
    fuse: bool = Field(True, description="Probe each SFT stage's checkpoints and fuse the specialists "
                       "(`fuse_weights`); false: no probe, the stage's final model goes on.")
    fuse_weights: Literal["per_subdomain", "per_checkpoint"] = Field(
        "per_subdomain", description="Fusion weights of the specialists: per_subdomain = 1/N per subdomain, "
        "so a checkpoint best on m of the N subdomains gets m/N (docs/RECIPE.md §1, M = Σ_i (1/N)·M_i*); "
        "per_checkpoint = each distinct specialist equally.")
    stage2: bool = Field(True, description="Run curriculum stage 2 (hard subset, SFT, probe, fuse); false: stage "
                         "1's model goes on to RL.")
    hard_max_problems: int = Field(
        0, ge=0, description="Rate at most this many training problems (a seeded sample) for the hard subset "
        "(0: all); each costs sft.hard_rollouts samples.")
    stage0_domains: list[str] = Field(
        default_factory=list, description="Curriculum stage 0: before stage 1, SFT on only these domains' records "
        "(a record's `domain`; the built-in knowledge questions are `choice`) for `stage0_epochs`, then stage 1 "
        "on everything from there (empty: no stage 0). On the embedded model a skill learnt first slows the next "
        "one down a lot (BENCHMARKS.md, \"Computing and reading need a fresh start\"): a stage 0 suits a skill "
        "that stage 1 then only keeps.")
    stage0_epochs: float = Field(3, gt=0, description="Stage 0 epochs over its records (sft.* settings otherwise, "
                                 "without sft.domain_weights).")
    claim_fraction: float = Field(
        1.0, ge=0, le=1, description="With sft.include_claims: share of the claim-extraction / claim-check records "
        "(a seeded sample of round(fraction · n), at least one when above 0; 0 keeps none) trained in stage 1; "
        "solve records are all kept. Claim records are ~70% of the suite's SFT tokens.")

    @model_validator(mode="after")
    def _check_probe(self) -> SpectrumConfig:
        if self.probe_n < self.probe_k:
            raise ValueError(f"probe_n ({self.probe_n}) must be >= probe_k ({self.probe_k})")
        return self


class EvalConfig(Section):
    """The last stage of `tinylogic run`: every listed stage's model on the held-out test set (the suite's
    held-out split minus the probing set), then test-time scaling on the final model (`tts` settings)."""

    models: list[str] = Field(
        default_factory=lambda: ["sft1", "fuse1", "sft2", "fuse2", "rl", "distill"],
        description="Stages whose output model is evaluated: any stage of the run that makes a model (checked "
        "when the run starts), base (the model before post-training), rl (every phase's final) or rl_last (the "
        "last phase's only, when several phases make evaluating each too slow). Stages that did not run (e.g. "
        "stage 2 off) are left out.")
    n: int = Field(8, ge=1, description="Samples per problem.")
    ks: list[int] = Field(default_factory=lambda: [1, 8], description="k of Pass@k (each <= n).")
    max_problems: int = Field(0, ge=0, description="Use only the first N test problems (0: all).")
    temperature: float = Field(1.0, ge=0, description="Sampling temperature (the recipe's eval setting).")
    top_p: float = Field(0.95, gt=0, le=1, description="Nucleus sampling (the recipe's eval setting).")
    max_new_tokens: int = Field(1024, ge=1, description="Generation budget per sample.")
    tts: list[TTSMethod] = Field(
        default_factory=lambda: ["single", "majority", "clr"],
        description="Selection methods run on the final model's first min(tts.k, its samples) samples (empty: "
        "none). clr needs a model trained with claim records (sft.include_claims).")
    tts_n: int | None = Field(None, ge=1, description="Samples per problem of the final model when `tts` runs "
                              "(null: n), e.g. 8 for TTS at K = 8 while the other models take n = 4 (with "
                              "tts.domains set: per problem of the TTS run only).")

    @model_validator(mode="after")
    def _check_ks(self) -> EvalConfig:
        if not self.ks or min(self.ks) < 1 or max(self.ks) > self.n:
            raise ValueError(f"ks {self.ks}: each k must be between 1 and n ({self.n})")
        if self.tts_n is not None and self.tts_n < self.n:
            raise ValueError(f"tts_n ({self.tts_n}) < n ({self.n}): the final model takes at least n samples")
        return self


class EngineConfig(Section):
    """The sampling engine of `tinylogic run`'s sampling stages (probing, the hard subset, the distillation
    teachers, eval and CLR) and of RL's rollouts: with hf, RL samples from the policy it trains, in memory
    (`rl.bf16` sets its precision); with vllm from a separate engine that takes the new weights after every
    step (`rl.tis_cap` corrects the log-prob gap)."""

    backend: str = Field("hf", description="hf (transformers, built in) or vllm (vLLM, installed apart: "
                         "docs/ENGINE.md).")
    dtype: Literal["auto", "bf16", "fp16", "fp32"] = Field(
        "auto", description="Weights' dtype while sampling: auto = bf16 on a CUDA GPU with bf16 support, else fp32. "
        "On a CPU with AMX, bf16 decodes ~1.7x faster than fp32 (BENCHMARKS.md).")
    batch_size: int = Field(64, ge=1, description="Sequences the hf backend decodes together (vllm schedules its "
                            "own batches).")
    max_model_len: int | None = Field(
        None, ge=1, description="vllm: positions a prompt plus its new tokens may take; the KV cache must hold at "
        "least one such sequence. None: the model's context (max_position_embeddings).")
    kv_cache_gib: float | None = Field(
        None, gt=0, description="vllm: KV cache size in GiB. None: 1 GiB on CPU (vLLM's own default there reserves "
        "92% of the NUMA node's memory and refuses to start when other processes hold memory; the "
        "VLLM_CPU_KVCACHE_SPACE variable, in GiB, also sets it), vLLM's gpu_memory_utilization share on a GPU.")

    @field_validator("backend")
    @classmethod
    def _known_backend(cls, backend: str) -> str:
        from tinylogic.engine.base import BACKENDS

        if backend not in BACKENDS:
            raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
        return backend

    def arguments(self) -> dict[str, Any]:
        """`backend` and `engine_kwargs` as the harness's sampling functions take them."""
        kwargs: dict[str, Any] = {"dtype": self.dtype}
        if self.backend == "hf":
            kwargs["batch_size"] = self.batch_size
        else:
            kwargs.update(max_model_len=self.max_model_len, kv_cache_gib=self.kv_cache_gib)
        return {"backend": self.backend, "engine_kwargs": kwargs}


class DistributedConfig(Section):
    """Several processes (`accelerate launch`): the process group every command joins."""

    timeout: float = Field(
        1800, gt=0, description="Seconds a collective (a barrier, a gather) may wait for the other processes "
        "before the run fails: long enough for the slowest stage a process waits through, short enough that a "
        "hung process is noticed.")


class RunConfig(Section):
    """Choices of `tinylogic run` between stages that belong to no single stage's section."""

    distill: bool = Field(True, description="Run the self-distillation stage (docs/RECIPE.md §3); false "
                          "skips it (and its model in eval.models).")

    distill_student: Literal["last_rl", "pre_rl"] = Field(
        "last_rl", description="Self-distillation student: the last RL phase's model (keeps the RL gains, the "
        "teachers' traces consolidate the phases) or the model RL started from (the Spectrum phase's).")
    distill_problems: int = Field(
        0, ge=0, description="Training problems (a seeded sample) each RL teacher samples for self-distillation "
        "(0: all).")
    last_stage: str | None = Field(
        None, description="Stop after this stage (a stage name: data, model, pretrain, sft1, ... eval); null: run "
        "them all. `recipes/base.yaml` stops after pretrain.")


class RecipeConfig(Section):
    """A whole recipe: what to train, on what, with which settings."""

    name: str = Field("demo", description="Run name; outputs go to `<output_dir>/<name>/`.")
    seed: int = Field(0, description="Global seed for sampling and training.")
    output_dir: str = Field("runs", description="Folder holding one subfolder per run.")
    data: DataConfig = Field(default_factory=DataConfig)
    model: ModelConfig = Field(default_factory=ModelConfig)
    pretrain: PretrainConfig = Field(default_factory=PretrainConfig)
    sft: SFTConfig = Field(default_factory=SFTConfig)
    rl: RLConfig = Field(default_factory=RLConfig)
    tts: TTSConfig = Field(default_factory=TTSConfig)
    distill: DistillConfig = Field(default_factory=DistillConfig)
    retrieval: RetrievalConfig = Field(default_factory=RetrievalConfig)
    spectrum: SpectrumConfig = Field(default_factory=SpectrumConfig)
    eval: EvalConfig = Field(default_factory=EvalConfig)
    engine: EngineConfig = Field(default_factory=EngineConfig)
    distributed: DistributedConfig = Field(default_factory=DistributedConfig)
    run: RunConfig = Field(default_factory=RunConfig)
    goals: list[Goal] = Field(
        default_factory=list, description="What the run should show, checked by its report (a Goals table: met "
        "or missed, with the measured figure and, when missed, `why_missed`); no stage reads them, so editing "
        "them re-runs nothing. Variants by `kind`: level, change, selection.")
