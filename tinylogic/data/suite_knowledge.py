"""Knowledge half of the built-in suite: multiple-choice questions over a fixed world of made-up facts.

The world is WORLD_TOWNS invented towns, each with one value per attribute in `ATTRIBUTES` (province,
main export, river, founder, emblem animal), drawn from finite option sets so that the other values
are natural distractors: 20,000 facts, far more than the embedded ~2M-parameter model can memorise.
The world is fixed (same constants, same facts), so passage ids are stable across suite seeds.

`passages()` is the corpus that states every fact, one passage per fact; about PARAPHRASE_SHARE of
them are worded without the question's keyword (as real text often is), so retrieval is not a
string match. Questions are asked closed-book; `add_passages` gives a share of the training questions
the top-k passages a BM25 index over the corpus returns (the same retriever evaluation uses), so
both kinds of training examples exist. Same generator/strategy contract as `suite_math`: strategies
never call `slip` (a fact has no arithmetic to get wrong), so knowledge traces are never flawed.
"""

from __future__ import annotations

import functools
import json
import os
import random
from collections.abc import Sequence
from pathlib import Path

from tinylogic.data.schema import Problem, Trace
from tinylogic.verify.choice import option_letter, option_line

WORLD_SEED = 20261123
WORLD_TOWNS = 4000
PARAPHRASE_SHARE = 0.3  # passages that do not repeat the question's keyword
SYLLABLES = ("var", "neth", "os", "kel", "by", "mor", "dun", "tal", "ris", "ca", "bren", "wick", "ul", "fen",
             "dra", "lo", "mir", "zan", "tor", "ve", "ash", "quil", "hal", "sta", "ren", "gor", "il", "bar",
             "ne", "thu", "pel", "sk", "ar", "od", "lin", "cre")


def _an(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


# attribute -> (question, keyword passage, paraphrased passage, options); {e} the town, {v} the value.
ATTRIBUTES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "province": ("In which province is the town of {e}?", "The town of {e} lies in the province of {v}.",
                 "{e} answers to the governor of {v}.",
                 ("Ostmark", "Valdria", "Kessen", "Morwen", "Tarsis", "Elbrand", "Quorra", "Haldane", "Sivel",
                  "Brannoch", "Ydris", "Carrowmere")),
    "export": ("What is the main export of {e}?", "The main export of {e} is {v}.",
               "Traders leave {e} loaded mostly with {v}.",
               ("salt", "copper", "wool", "amber", "timber", "tea", "silk", "honey", "iron", "glass", "cheese",
                "paper", "wine", "tin", "leather", "pottery")),
    "river": ("On which river does the town of {e} stand?", "The town of {e} stands on the river {v}.",
              "Boats on the {v} tie up at the quays of {e}.",
              ("Ansel", "Vey", "Dorrow", "Lune", "Merrin", "Osk", "Tavy", "Welde", "Ister", "Bray", "Calder",
               "Fenn")),
    "founder": ("Who founded the town of {e}?", "The town of {e} was founded by {v}.",
                "{v} laid the first stone of {e}.",
                ("Aldo Fenwick", "Brisa Kolt", "Cyril Manse", "Dagny Orl", "Edda Strom", "Fabian Roe",
                 "Greta Lind", "Hollis Varn", "Ilse Corden", "Jory Pell", "Kara Voss", "Lothar Brin",
                 "Mira Askel", "Nils Otterby", "Odile Frane", "Piet Hallam")),
    "emblem": ("Which animal is on the emblem of {e}?", "The emblem of {e} shows {an_v}.",
               "{e} took {an_v} as its heraldic beast.",
               ("heron", "wolf", "stag", "otter", "falcon", "boar", "swan", "lynx", "bear", "hare", "raven",
                "badger", "crane", "fox", "eagle", "owl")),
}


def _town_names(rng: random.Random, n: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < n:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if name not in seen and len(name) >= 5:
            seen.add(name)
            names.append(name)
    return names


def _state(template: str, town: str, value: str) -> str:
    return template.format(e=town, v=value, an_v=_an(value))


@functools.cache
def fact_table(towns: int = WORLD_TOWNS, seed: int = WORLD_SEED) -> tuple[dict, ...]:
    """Every fact of the world, in a fixed order: {id, town, attribute, value, statement, passage}.
    `statement` is the fact in the question's keyword wording, `passage` the corpus text."""
    rng = random.Random(seed)
    facts = []
    for t, town in enumerate(_town_names(rng, towns)):
        for a, (attribute, (_, keyword, paraphrase, options)) in enumerate(ATTRIBUTES.items()):
            value = rng.choice(options)
            template = paraphrase if rng.random() < PARAPHRASE_SHARE else keyword
            facts.append({"id": f"fact-{t * len(ATTRIBUTES) + a:06d}", "town": town, "attribute": attribute,
                          "value": value, "statement": _state(keyword, town, value),
                          "passage": _state(template, town, value)})
    return tuple(facts)


def passages() -> list[dict[str, str]]:
    """The corpus: one {id, text} passage per fact of the built-in world."""
    return [{"id": f["id"], "text": f["passage"]} for f in fact_table()]


# ---- generator and strategies (the suite_math contract) -------------------------------------------

def gen_fact(rng: random.Random, tier: int):
    """One fact asked as multiple choice with 2 + tier options (chance 1/3, 1/4, 1/5)."""
    fact = rng.choice(fact_table())
    question, _, _, options = ATTRIBUTES[fact["attribute"]]
    choices = [fact["value"], *rng.sample([o for o in options if o != fact["value"]], 1 + tier)]
    rng.shuffle(choices)
    letter = option_letter(choices.index(fact["value"]))
    meta = {k: fact[k] for k in ("town", "attribute", "value", "statement")} | {"fact_id": fact["id"],
                                                                                 "letter": letter}
    return question.format(e=fact["town"]), {"answer": letter, "choices": choices}, meta


# Closed book a trace answers with the option's line as the prompt lists it ("D. Ansel"), so the model learns to
# name one of the options (taught the text alone it named any value the attribute takes, ~70% of them no option,
# and scored below chance). With passages it answers with the text alone, one copy from the context: the line
# would need a second lookup (text -> its letter), which cost `recipes/knowledge.yaml` its reading (0.99 -> 0.29,
# BENCHMARKS.md), and a quoted passage ~20 more tokens to get right.
def recall(meta: dict, slip) -> tuple[list, str, str]:
    """Closed book: the option recalled, as its line."""
    return [], f"Answer: {option_line(meta['letter'], meta['value'])}", meta["letter"]


def cite(meta: dict, slip) -> tuple[list, str, str] | None:
    """With passages: the option's text a retrieved passage states (None when retrieval missed the fact)."""
    if not any(p.get("id") == meta["fact_id"] for p in meta.get("passages") or []):
        return None
    return [], f"Answer: {meta['value']}", meta["letter"]


def correct(gold: dict, solution) -> bool:
    return solution[2] == gold["answer"]


SUBDOMAINS = {"facts": (gen_fact, {"recall": recall, "cite": cite})}


# ---- passages for a share of the training questions -------------------------------------------------

@functools.cache
def builtin_index():
    """An in-memory BM25 index over `passages()` (built once per process, about a second)."""
    # the BM25 module, not the package: the package's index module reads files with data/loaders.py, which
    # reads the domain registry, and this suite is in it
    from tinylogic.retrieval.bm25 import bm25_index

    return bm25_index(passages())


def add_passages(problems: Sequence[Problem], fraction: float, k: int, seed: int) -> None:
    """In place: `fraction` of the train knowledge problems get meta["passages"] (BM25 top-k over the
    built-in corpus, as evaluation retrieves them) and a `cite` trace instead of `recall` when the fact's
    passage was retrieved. Held-out problems stay closed-book; evaluation decides how to ask them."""
    rng = random.Random(f"knowledge-passages-{seed}")  # its own stream: the rest of the suite is unchanged
    chosen = [p for p in problems if p.id.startswith("knowledge-") and p.split == "train"
              and rng.random() < fraction]
    if not chosen:
        return
    found = builtin_index().search_many([p.prompt for p in chosen], k)
    for problem, hits in zip(chosen, found, strict=True):
        problem.meta["passages"] = [{"id": h.id, "text": h.text} for h in hits]
        solution = cite(problem.meta, None)
        if solution is not None:
            _, tail, answer = solution
            problem.traces = [Trace(strategy="cite", text=tail)]
            problem.meta |= {"trace_claims": [[]], "trace_answers": [answer]}


def corpus_path(suite_path: str | Path) -> Path:
    """Where `tinylogic data synth` writes the corpus: suite.jsonl -> suite.passages.jsonl."""
    path = Path(suite_path)
    base = path.name.removesuffix(".gz").removesuffix(".jsonl")
    return path.with_name(f"{base}.passages.jsonl")


def write_corpus(suite_path: str | Path) -> Path:
    """Write `passages()` as JSONL ({id, text} per line) next to the suite file; returns its path."""
    path = corpus_path(suite_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in passages()), encoding="utf-8")
    os.replace(tmp, path)
    return path
