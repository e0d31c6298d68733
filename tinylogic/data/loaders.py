"""Load `Problem`s from the formats problems come in: our JSONL, verl parquet, Qwen2.5-Math eval
files, HumanEval, and Hugging Face `datasets` (saved folders, data-file folders, hub names).

A row's layout is recognised by the columns it has (`ADAPTERS`, first match wins), so a new layout
is one function and one registry entry. Every error names the file, the line or row, and the field.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from tinylogic.data.schema import AssertTests, Problem
from tinylogic.data.text import last_boxed
from tinylogic.domains import known, resolve
from tinylogic.domains.math import MATH_SUFFIX

Row = dict[str, Any]


class DataError(ValueError):
    """A source that cannot be read as problems; the message names file, line/row and field."""


class _FieldError(Exception):
    """Raised by an adapter; the loader adds the file and line/row."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


# --------------------------------------------------------------------------- row adapters
# Each takes (row, stem) and returns Problem keyword arguments. `stem` names the file (the default
# `source`); ids are filled in by the loader when an adapter gives none.

def _answer_text(value: Any, field: str) -> str:
    """Gold answers come as str, int, float (27.0 -> "27") or lists (joined with ", ")."""
    if isinstance(value, bool) or value is None:
        raise _FieldError(field, f"expected an answer, got {value!r}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list | tuple):
        if not value:
            raise _FieldError(field, "empty answer list")
        return ", ".join(_answer_text(v, field) for v in value)
    text = str(value).strip()
    if not text:
        raise _FieldError(field, "empty answer")
    return text


def _text(row: Row, field: str) -> str:
    value = row.get(field)
    if not isinstance(value, str) or not value.strip():
        raise _FieldError(field, f"expected non-empty text, got {type(value).__name__}")
    return value


# The recipe's math suffix: eval files bake it into the prompt, we keep the bare problem (the
# harness adds the suffix, and decontamination must not match every row on this boilerplate).
def _strip_suffix(prompt: str) -> str:
    return prompt[: -len(MATH_SUFFIX)].rstrip() if prompt.endswith(MATH_SUFFIX) else prompt


def _native(row: Row, stem: str) -> Row:
    # Parquet/datasets fill absent fields with None; let the schema's defaults apply instead.
    return {k: v for k, v in row.items() if v is not None}


def _verl(row: Row, stem: str) -> Row:
    messages = row["prompt"]
    if not isinstance(messages, list):
        raise _FieldError("prompt", f"expected a list of chat messages, got {type(messages).__name__}")
    user = [m.get("content") for m in messages if isinstance(m, dict) and m.get("role") == "user"]
    if not user or not isinstance(user[-1], str) or not user[-1].strip():
        raise _FieldError("prompt", "no user message with text")
    ability = str(row.get("ability") or "math").lower()  # a domain's name or alias (`Domain.aliases`)
    try:
        domain = resolve(ability).name
    except ValueError:
        raise _FieldError("ability", f"unknown ability {ability!r} (known: {known(aliases=True)})") from None
    reward = row["reward_model"]
    if not isinstance(reward, dict) or "ground_truth" not in reward:
        raise _FieldError("reward_model.ground_truth", "missing")
    extra = row.get("extra_info") or {}
    if not isinstance(extra, dict):
        raise _FieldError("extra_info", f"expected a mapping, got {type(extra).__name__}")
    out: Row = {
        "domain": domain,
        "prompt": _strip_suffix(user[-1]),
        "answer": _answer_text(reward["ground_truth"], "reward_model.ground_truth"),
        "source": row.get("data_source") or None,
        "split": extra.get("split"),
        "meta": dict(extra),
    }
    if extra.get("id") is not None:
        out["id"] = extra["id"]
    elif extra.get("index") is not None:
        out["id"] = f"{stem}-{extra['index']}"
    return out


def _humaneval(row: Row, stem: str) -> Row:
    return {
        "id": row.get("task_id"),
        "domain": "code",
        "prompt": _text(row, "prompt"),
        "tests": AssertTests(script=_text(row, "test"), entry_point=_text(row, "entry_point")),
        "meta": {"canonical_solution": row["canonical_solution"]},
    }


def _olympiadbench(row: Row, stem: str) -> Row:
    solution = row.get("solution") or []
    prompt = _text(row, "question")
    if row.get("context"):  # shared background some questions depend on
        prompt = f"{row['context']}\n\n{prompt}"
    return {
        "id": row.get("id"),
        "domain": "math",
        "subdomain": row.get("subfield"),
        "prompt": prompt,
        "answer": _answer_text(row["final_answer"], "final_answer"),
        "meta": {
            "solution": solution if isinstance(solution, list) else [solution],
            **{k: row[k] for k in ("answer_type", "unit", "is_multiple_answer") if k in row},
        },
    }


def _problem_answer(row: Row, stem: str) -> Row:
    """aime24_test / amc23 style: `problem` text and a short `answer` (possibly a number)."""
    meta = {k: row[k] for k in ("solution", "url") if row.get(k) is not None}
    return {
        "id": row.get("id"),
        "domain": "math",
        "prompt": _text(row, "problem"),
        "answer": _answer_text(row["answer"], "answer"),
        "meta": meta,
    }


def _question_answer(row: Row, stem: str) -> Row:
    """gsm8k style: the answer is a rationale ending in `#### N`; a plain answer is taken as is."""
    answer = row["answer"]
    meta: Row = {}
    if isinstance(answer, str) and "####" in answer:
        rationale, _, final = answer.rpartition("####")
        answer = final.strip().replace(",", "")
        if rationale.strip():
            meta["solution"] = rationale.strip()
    return {
        "id": row.get("id", row.get("idx")),
        "domain": "math",
        "prompt": _text(row, "question"),
        "answer": _answer_text(answer, "answer"),
        "meta": meta,
    }


def _problem_solution(row: Row, stem: str) -> Row:
    """MATH / minerva style: the answer is the last \\boxed{} of the solution."""
    solution = _text(row, "solution")
    answer = last_boxed(solution)
    if not answer or not answer.strip():
        raise _FieldError("solution", "no \\boxed{} answer in the solution")
    return {
        "id": row.get("id", row.get("idx")),
        "domain": "math",
        "subdomain": row.get("type") or row.get("subject"),
        "prompt": _text(row, "problem"),
        "answer": answer.strip(),
        "meta": {"solution": solution},
    }


Adapter = Callable[[Row, str], Row]

# name -> (columns the row must have, adapter). Order matters: the first layout that fits is used.
ADAPTERS: dict[str, tuple[tuple[str, ...], Adapter]] = {
    "native": (("domain", "prompt"), _native),
    "verl": (("prompt", "reward_model"), _verl),
    "humaneval": (("prompt", "canonical_solution", "test", "entry_point"), _humaneval),
    "olympiadbench": (("question", "final_answer"), _olympiadbench),
    "problem_answer": (("problem", "answer"), _problem_answer),
    "question_answer": (("question", "answer"), _question_answer),
    "problem_solution": (("problem", "solution"), _problem_solution),
}


def choose_adapter(columns: Iterable[str]) -> str | None:
    """Name of the first layout in `ADAPTERS` whose required columns are all present."""
    present = set(columns)
    return next((name for name, (needed, _) in ADAPTERS.items() if present.issuperset(needed)), None)


def _to_problem(row: Row, index: int, stem: str) -> Problem:
    if not isinstance(row, dict):
        raise _FieldError("(row)", f"expected an object, got {type(row).__name__}")
    name = choose_adapter(row)
    if name is None:
        layouts = "; ".join(f"{n}: {', '.join(cols)}" for n, (cols, _) in ADAPTERS.items())
        raise _FieldError(
            ", ".join(sorted(row)) or "(none)", f"fits no known layout (needs one of: {layouts})"
        )
    try:
        kwargs = ADAPTERS[name][1](row, stem)
    except KeyError as err:  # a column the layout reads but the row lacks
        raise _FieldError(str(err.args[0]), "missing") from None
    if name != "native":
        kwargs = {k: v for k, v in kwargs.items() if v is not None}
    ident = kwargs.get("id")
    kwargs["id"] = (
        f"{stem}-{index}" if ident is None else (f"{stem}-{ident}" if isinstance(ident, int) else ident)
    )
    kwargs.setdefault("source", stem)
    try:
        return Problem(**kwargs)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(row)"
        raise _FieldError(field, f"{first['msg']} (layout {name})") from None


# --------------------------------------------------------------------------- sources


def file_stem(path: Path) -> str:
    """`gsm8k_test.jsonl.gz` -> `gsm8k_test`."""
    name = path.name
    for suffix in (".gz", ".jsonl", ".json", ".parquet"):
        name = name.removesuffix(suffix)
    return name


def _open_text(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")


def iter_jsonl(path: str | Path) -> Iterator[tuple[int, Row]]:
    """Yield (1-based line number, object) for each non-blank line of a JSONL(.gz) file."""
    path = Path(path)
    with _open_text(path) as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise DataError(
                    f"{path}, line {line_no}: malformed JSON: {err.msg} (column {err.colno})"
                ) from None
            yield line_no, row


def _json_rows(path: Path) -> Iterator[tuple[str, Row]]:
    with _open_text(path) as f:
        try:
            data = json.load(f)
        except json.JSONDecodeError as err:
            raise DataError(f"{path}, line {err.lineno}: malformed JSON: {err.msg}") from None
    if not isinstance(data, list):
        raise DataError(f"{path}: expected a JSON list of rows, got {type(data).__name__}")
    for i, row in enumerate(data):
        yield f"row {i}", row


def _parquet_rows(path: Path) -> Iterator[tuple[str, Row]]:
    import pyarrow.parquet as pq

    i = 0
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid and others without the file's name
        raise DataError(f"{path}: not a readable parquet file ({exc})") from None
    for batch in parquet.iter_batches(batch_size=4096):
        for row in batch.to_pylist():
            yield f"row {i}", row
            i += 1


def _dataset_rows(source: str | Path) -> Iterator[tuple[str, Row]]:
    """Rows of a `save_to_disk` folder, a folder of data files, or a hub name (all splits)."""
    import datasets

    path = Path(source)
    try:
        if path.is_dir() and ((path / "state.json").exists() or (path / "dataset_dict.json").exists()):
            data = datasets.load_from_disk(str(path))
        else:
            data = datasets.load_dataset(str(source))
    except Exception as err:  # datasets raises many types (offline, missing, bad format)
        raise DataError(f"{source}: cannot load with `datasets`: {type(err).__name__}: {err}") from err
    splits = data.items() if isinstance(data, datasets.DatasetDict) else [(None, data)]
    for split, dataset in splits:
        for i, row in enumerate(dataset):
            yield (f"row {i}" if split is None else f"split {split!r}, row {i}"), row


FILE_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".json.gz", ".parquet")


def _rows(source: str | Path) -> tuple[Iterator[tuple[str, Row]], str]:
    path = Path(source)
    name = path.name
    if path.is_file():
        if name.endswith((".jsonl", ".jsonl.gz")):
            return ((f"line {n}", row) for n, row in iter_jsonl(path)), file_stem(path)
        if name.endswith((".json", ".json.gz")):
            return _json_rows(path), file_stem(path)
        if name.endswith(".parquet"):
            return _parquet_rows(path), file_stem(path)
        raise DataError(f"{path}: unknown file type (expected .jsonl, .jsonl.gz, .json or .parquet)")
    if path.is_dir():
        return _dataset_rows(path), path.name
    if name.endswith(FILE_SUFFIXES):
        raise DataError(f"{path}: no such file")
    return _dataset_rows(str(source)), str(source).rstrip("/").split("/")[-1]


def load_problems(source: str | Path, *, limit: int | None = None) -> list[Problem]:
    """Read problems from a JSONL(.gz)/JSON/parquet file, a `datasets` folder, or a hub dataset name.

    Each row is converted by the first layout in `ADAPTERS` its columns fit. Rows without a
    `source` get the file stem; rows without an id get "<stem>-<index>" (0-based), integer ids
    become "<stem>-<id>". Raises `DataError` naming the file, line/row and field at fault.
    """
    rows, stem = _rows(source)
    problems: list[Problem] = []
    for index, (where, row) in enumerate(rows):
        if limit is not None and len(problems) >= limit:
            break
        try:
            problems.append(_to_problem(row, index, stem))
        except _FieldError as err:
            raise DataError(f"{source}, {where}, field '{err.field}': {err}") from None
    return problems


def _dump(problem: Problem) -> Row:
    row = problem.model_dump(mode="json", exclude_defaults=True)
    # exclude_defaults is recursive and would drop `tests.style`, the union's discriminator.
    if problem.tests is not None:
        row["tests"] = problem.tests.model_dump(mode="json")
    return row


def write_problems(path: str | Path, problems: Iterable[Problem]) -> int:
    """Write problems as JSONL (gzip if the name ends in .gz), atomically; returns the count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    opener = gzip.open if path.suffix == ".gz" else open
    count = 0
    try:
        with opener(tmp, "wt", encoding="utf-8") as f:
            for problem in problems:
                f.write(json.dumps(_dump(problem), ensure_ascii=False) + "\n")
                count += 1
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
