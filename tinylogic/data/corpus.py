"""Raw text of the suite's world: the pretraining corpus of the embedded base (`recipes/base.yaml`).

What a pretraining corpus holds for the suite's four skills, none of it in chat form, so post-training
still has its own work (the chat turn, the traces' layout and `\\boxed{}`, claims, answering a question
from passages):

- math: the suite's math problems worked out as plain arithmetic: one strategy's claims, then the result
  (`71 + 33: 1 + 3 = 4; 7 + 3 = 10. So 71 + 33 = 104.`);
- code: the suite's functions with their values at several inputs (`def f(x): ...` then `f(3) = 3 * 3 + 1 = 10`);
- code_from_examples: the other way round, the suite's code problems worked out as plain text: the examples, one
  strategy's working steps, then the function (`f(0) = 3, f(1) = 5, f(2) = 7: slope = ...; intercept = ... So
  f(x) = 2 * x + 3.`); only strategies that work the function out, never one that states a guess;
- knowledge: articles about the towns of *another* made-up world (the suite's attributes and wordings, other
  towns), each stating its towns' facts and then restating some: reading a fact off earlier text is learnt,
  the suite's own facts are not, so closed-book questions about them stay at chance;
- instruct: texts that follow the suite's rules, each after its rule lines (its answer: the last line).

Items drawn from the same generators as the suite skip every held-out prompt (`exclude`): the base never
sees a test problem. Each document records where its last answer starts (`answer_at`, a character offset)
and where that answer's working starts (`working_at`): the pretraining stage scores held-out documents by
whether the model predicts the answer given the working, and whether it writes the working and the answer.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection

from tinylogic.data import suite_code, suite_instruct, suite_knowledge, suite_math

KINDS = ("math", "code", "code_from_examples", "knowledge", "instruct")
OTHER_WORLD_SEED = 7  # the articles' world: not suite_knowledge.WORLD_SEED
OTHER_WORLD_TOWNS = 6000
# items per document: math and code documents stay within ~270 tokens; articles name 2-3 towns and run to ~300,
# so recipes/base.yaml packs rows of 512 (a cut document loses its end, where the answer is)
ITEMS_PER_DOCUMENT = {"math": 3, "code": 2, "code_from_examples": 2}
RESTATED = (3, 5)  # facts an article restates at its end (~12 tokens each)


def _draw(rng: random.Random, subdomains: dict, exclude: Collection[str], skip: Collection[str] = ()):
    """One (prompt, gold, meta, a clean solution by a strategy not in `skip`) of a random subdomain and tier,
    never an excluded prompt."""
    while True:
        generate, strategies = subdomains[rng.choice(sorted(subdomains))]
        prompt, gold, meta = generate(rng, rng.randint(1, 3))
        if prompt in exclude:
            continue
        solutions = [s for s in (fn(meta, suite_math.no_slip) for name, fn in strategies.items() if name not in skip)
                     if s is not None]
        return prompt, gold, meta, rng.choice(solutions)


def _math_item(rng: random.Random, exclude: Collection[str]) -> tuple[str, str, str]:
    prompt, _, _, (steps, _, answer) = _draw(rng, suite_math.SUBDOMAINS, exclude)
    claims = "; ".join(dict.fromkeys(c for _, c in steps if c))
    if prompt.startswith("Solve for x: "):
        head, result = prompt.removeprefix("Solve for x: ").rstrip("."), "x = "
    else:
        head = prompt.removeprefix("Compute ").rstrip(".")
        result = f"{head} = "
    return head, f": {claims}. So {result}" if claims else f". So {result}", f"{answer}."


def _code_item(rng: random.Random, exclude: Collection[str]) -> tuple[str, str, str]:
    _, _, meta, _ = _draw(rng, suite_code.SUBDOMAINS, exclude)
    expr = meta["reference"].splitlines()[-1].strip().removeprefix("return ")
    lines = [meta["reference"]]
    for x in sorted(rng.sample(range(-6, 13), 4)):
        claim, value = suite_code.claim_at(expr, x)
        lines.append(f"f({x}) = {claim}")
    text = "\n".join(lines)
    working, cut = text.rindex("\n") + len(f"\nf({x}) = "), text.rindex(" = ") + 3  # the last value is the answer
    return text[:working], text[working:cut], text[cut:]


def _code_from_examples_item(rng: random.Random, exclude: Collection[str]) -> tuple[str, str, str]:
    _, _, meta, (steps, _, expr) = _draw(rng, suite_code.SUBDOMAINS, exclude, skip=suite_code.GUESSES)
    lines = "; ".join(dict.fromkeys(text.rstrip(".") for text, _ in steps))
    return ", ".join(f"f({x}) = {y}" for x, y in meta["shown"]), f": {lines}. So f(x) = ", f"{expr}."


def _articles_world() -> list[list[dict]]:
    """The other world's towns, each a list of its facts; towns whose name the suite's world uses are left out."""
    taken = {f["town"] for f in suite_knowledge.fact_table()}
    facts = suite_knowledge.fact_table(OTHER_WORLD_TOWNS, OTHER_WORLD_SEED)
    towns: dict[str, list[dict]] = {}
    for fact in facts:
        if fact["town"] not in taken:
            towns.setdefault(fact["town"], []).append(fact)
    return list(towns.values())


def _knowledge_document(rng: random.Random, world: list[list[dict]]) -> tuple[str, str]:
    towns = rng.sample(world, rng.randint(2, 3))
    facts = [f for town in towns for f in town]
    rng.shuffle(facts)
    # then some facts again in the keyword wording, which ends with the value ("... shows a lynx."): the last
    # one's value is the answer. Reading is the slowest skill to learn, so each article restates several.
    said = [rng.choice(facts) for _ in range(rng.randint(*RESTATED))]
    value = said[-1]["value"]
    text = " ".join(f["passage"] for f in facts) + "\nIn short: " + " ".join(f["statement"] for f in said)
    return text[:-len(value) - 1], value + "."


def _instruct_document(rng: random.Random, exclude: Collection[str]) -> tuple[str, str]:
    while True:
        sub = rng.choice(sorted(suite_instruct.SUBDOMAINS))
        generate, strategies = suite_instruct.SUBDOMAINS[sub]
        prompt, _, meta = generate(rng, rng.randint(1, 3))
        if prompt not in exclude and meta["task_prompt"] not in exclude:
            break
    solutions = [s for s in (fn(meta, suite_math.no_slip) for fn in strategies.values()) if s is not None]
    rules = prompt.partition("\n\nRules:\n")[2]
    response = rng.choice(solutions)[1]
    # the answer is the response's last line (an end phrase, `\boxed{...}`, a code fence), which the rules shape
    cut = response.rfind("\n") + 1
    return f"Rules:\n{rules}\n\n{response[:cut]}", response[cut:]


def documents(count: int, seed: int, weights: dict[str, float], exclude: Collection[str] = ()) -> list[dict]:
    """`count` documents {text, kind, answer_at, working_at}, kinds drawn by `weights` (kind -> weight, KINDS
    only); deterministic in (count, seed, weights, exclude). `working_at`: where the last answer's working
    starts (math: after `71 + 33`; code: after `f(9) = `; code_from_examples: after the examples); without one
    (knowledge, instruct), `answer_at`."""
    unknown = [k for k in weights if k not in KINDS]
    if unknown or not any(weights.values()):
        raise ValueError(f"pretrain.kinds: {'unknown ' + ', '.join(unknown) if unknown else 'all weights 0'} "
                         f"(kinds: {', '.join(KINDS)})")
    rng = random.Random(f"corpus-{seed}")
    kinds = [k for k in KINDS if weights.get(k)]
    exclude = frozenset(exclude)
    world = _articles_world() if "knowledge" in kinds else []
    items: dict[str, Callable[[], tuple[str, str]]] = {
        "math": lambda: _math_item(rng, exclude), "code": lambda: _code_item(rng, exclude),
        "code_from_examples": lambda: _code_from_examples_item(rng, exclude)}
    out = []
    for kind in rng.choices(kinds, [weights[k] for k in kinds], k=count):
        if kind in items:
            pieces = [items[kind]() for _ in range(ITEMS_PER_DOCUMENT[kind])]
            before = "".join("".join(piece) + "\n\n" for piece in pieces[:-1]) + pieces[-1][0]
            head, answer = before + pieces[-1][1], pieces[-1][2]
            working_at = len(before)
        else:
            head, answer = (_knowledge_document(rng, world) if kind == "knowledge"
                            else _instruct_document(rng, exclude))
            working_at = len(head)
        out.append({"text": head + answer, "kind": kind, "answer_at": len(head), "working_at": working_at})
    return out
