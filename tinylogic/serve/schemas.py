"""Request and response bodies: OpenAI's chat-completion shapes plus tinylogic's extra fields.

Unknown request fields are errors (a typo such as `n_candidate` must not silently fall back to a
default); OpenAI fields this server does not implement are listed in docs/SERVE.md.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from tinylogic.config import TTSMethod
from tinylogic.data.schema import CodeTests
from tinylogic.domains import known, registry

# The TTS selection methods (config's names of eval/tts.py's), less `weighted`: it ranks by per-sample
# scores, which a served request has none of.
Strategy = Literal[tuple(m for m in get_args(TTSMethod) if m != "weighted")]


class ServeLimits(BaseModel):
    """Per-request and server limits (CLI options of `tinylogic serve`); breaking one is a clear 4xx."""

    max_tokens: int = Field(1024, ge=1, description="Most new tokens per candidate (`max_tokens`): 400 above.")
    default_max_tokens: int = Field(256, ge=1, description="New tokens per candidate when a request gives none.")
    max_candidates: int = Field(16, ge=1, description="Most `n_candidates` per request: 400 above.")
    max_retrieve: int = Field(10, ge=1, description="Most passages per request (`retrieve`): 400 above.")
    max_body_bytes: int = Field(1 << 20, ge=1024, description="Largest request body: 413 above.")
    max_seconds: float = Field(120.0, gt=0, description="Wall time of one request, queueing included: 408 after.")
    max_queue: int = Field(64, ge=1, description="Requests admitted at once (queued + running): 429 beyond.")
    max_verify_rows: int = Field(256, ge=1, description="Most rows per `POST /v1/verify`: 400 above.")
    max_batch_rows: int = Field(64, ge=1, description="Most sampled rows (prompts x n) merged into one engine call.")
    batching: bool = Field(True, description="Merge concurrent requests into one engine call (off: one each).")
    idle_seconds: float = Field(10.0, gt=0, description="A connection that sends no complete request within this "
                                "time, or stays idle this long between requests, is closed.")
    grace_seconds: float = Field(20.0, gt=0, description="On SIGTERM/SIGINT, how long requests in flight may still "
                                 "run; then they are cancelled (their engine work stops) and the process exits.")


def field_error(field: str, message: str) -> PydanticCustomError:
    """A cross-field check's error that still names its field: a model validator's errors have no
    location, so the app reads the field from the context (`param` of the 400)."""
    return PydanticCustomError("invalid_field", "{message}", {"field": field, "message": message})


class TextPart(BaseModel):
    type: Literal["text"]
    text: str


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")  # OpenAI messages may carry `name` and the like; ignored

    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[TextPart]

    def text(self) -> str:
        return self.content if isinstance(self.content, str) else "".join(p.text for p in self.content)


class ChatRequest(BaseModel):
    """`POST /v1/chat/completions`. OpenAI fields first, then tinylogic's (see docs/SERVE.md)."""

    model_config = ConfigDict(extra="forbid")

    model: str
    messages: list[ChatMessage] = Field(min_length=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1, description="OpenAI's newer name for max_tokens.")
    # allow_inf_nan=False: NaN fails every bound check, and "should be <= 2" would mislead
    temperature: float = Field(1.0, ge=0, le=2, allow_inf_nan=False, description="Recipe evaluation setting: 1.0.")
    top_p: float = Field(0.95, gt=0, le=1, allow_inf_nan=False, description="Recipe evaluation setting: 0.95.")
    n: int = Field(1, description="Must be 1: one choice per response; ask for candidates with `n_candidates`.")
    stop: str | list[str] | None = None
    seed: int | None = Field(None, ge=0, description="Same seed, same request -> same candidates (never merged); "
                             "non-negative (numpy's seeding refuses negative ones).")
    stream: bool = False
    stream_options: dict[str, Any] | None = None
    user: str | None = None
    # tinylogic
    n_candidates: int = Field(1, ge=1, description="Candidates sampled; the strategy picks one.")
    tts: Strategy | None = Field(None, description="Default: verifier with a gold, majority with several "
                                 "candidates, else single.")
    domain: str | None = Field(None, description="Ask the last user message as a problem of this domain (its "
                               "trained template): math, code, choice or instruct; sets answer extraction.")
    tests: CodeTests | None = Field(None, description="Code tests: the first passing candidate wins.")
    answer: str | None = Field(None, description="Gold answer (math, choice) for the verifier strategy.")
    choices: list[str] | None = Field(None, description="Options of a multiple-choice (choice) problem.")
    instructions: list[dict[str, Any]] | None = Field(None, description="IFEval-style rules (instruct).")
    retrieve: int = Field(0, ge=0, description="Top-k passages from the server's index put into the prompt.")

    @field_validator("domain")
    @classmethod
    def _known_domain(cls, domain: str | None) -> str | None:
        if domain is not None and domain not in registry():
            raise ValueError(f"unknown domain {domain!r}; choose among {known()}")
        return domain

    @model_validator(mode="after")
    def _consistent(self) -> ChatRequest:
        if self.n != 1:
            raise field_error("n", f"n = {self.n}: this server returns one choice; ask for candidates with "
                              "n_candidates")
        if self.messages[-1].role != "user":
            raise field_error("messages", "the last message must have role 'user' (the question to answer)")
        domain = self.resolved_domain()
        needed = self.gold_fields()
        stray = [f for f in self.given_gold() if f not in needed]
        if stray:
            raise field_error(stray[0], f"field {stray[0]!r} is not used by domain {domain!r}")
        if self.tts == "verifier" and not self.has_gold():
            missing = [f for f in needed if getattr(self, f) is None] or list(dict.fromkeys(
                next(iter(d.gold_fields)) for d in registry().values()))  # no domain: each one's first field
            raise field_error("tts", f"tts 'verifier' needs a gold; missing {', '.join(missing)}")
        return self

    def given_gold(self) -> list[str]:
        """The gold fields (of any domain, `Domain.gold_fields`) this request gives."""
        fields = dict.fromkeys(f for d in registry().values() for f in d.gold_fields)
        return [f for f in fields if getattr(self, f, None) is not None]

    def resolved_domain(self) -> str | None:
        """`domain`, else the one the gold fields given name: the domain of the given field the fewest domains
        use (tests: code, choices: choice, instructions: instruct), of those the one with the fewest gold
        fields that has every field given (answer alone: math). None: no gold given."""
        if self.domain:
            return self.domain
        given = self.given_gold()
        if not given:
            return None
        users = {f: [d for d in registry().values() if f in d.gold_fields] for f in given}
        rarest = users[min(given, key=lambda f: len(users[f]))]
        return min(rarest, key=lambda d: (not set(given) <= set(d.gold_fields), len(d.gold_fields))).name

    def gold_fields(self) -> list[str]:
        """The gold fields of the resolved domain (none without one)."""
        domain = self.resolved_domain()
        return list(registry()[domain].gold_fields) if domain else []

    def has_gold(self) -> bool:
        needed = self.gold_fields()
        return bool(needed) and all(getattr(self, f) is not None for f in needed)

    def gold_field(self) -> str | None:
        return next((f for f in self.gold_fields() if getattr(self, f) is not None), None)

    def strategy(self) -> Strategy:
        return self.tts or ("verifier" if self.has_gold() else "majority" if self.n_candidates > 1 else "single")

    def stops(self) -> list[str]:
        return [self.stop] if isinstance(self.stop, str) else list(self.stop or [])


class VerifyRequest(BaseModel):
    """`POST /v1/verify`: grader rows, exactly as `tinylogic verify --input` reads them (one per line)."""

    model_config = ConfigDict(extra="forbid")

    rows: list[Any] = Field(min_length=1, description="Rows {id, domain, response, gold fields}.")
    timeout: float | None = Field(None, gt=0, le=60, allow_inf_nan=False,
                                  description="Per-item hard limit of a math check (s).")


# ---- responses (what the `tinylogic` block of a completion holds) ---------------------------------

class VerdictOut(BaseModel):
    correct: bool
    reward: float
    detail: str = ""
    timeout: bool = False
    error: bool = False


class ClaimOut(BaseModel):
    text: str
    verdict: bool | None


class CandidateOut(BaseModel):
    index: int
    text: str
    answer: str | None = Field(None, description="Extracted final answer (math: last \\boxed{}; choice: letter).")
    finish_reason: Literal["stop", "length"]
    tokens: int
    verdict: VerdictOut | None = None
    reliability: float | None = Field(None, description="CLR r_k = ((1/M) Σ v)^M (tts clr only).")
    claims: list[ClaimOut] | None = None


class PassageOut(BaseModel):
    rank: int
    id: str
    text: str


class TinylogicOut(BaseModel):
    strategy: Strategy
    domain: str | None
    chosen: int | None = Field(description="Index of the chosen candidate (None: the strategy abstained).")
    answer: str | None
    verdict: VerdictOut | None
    reliability: float | None
    claims: list[ClaimOut] | None
    candidates: list[CandidateOut]
    passages: list[PassageOut]
    prompt: list[dict[str, str]] = Field(description="The messages as the engine saw them (passages included).")
    seconds: float
