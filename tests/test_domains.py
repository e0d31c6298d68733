"""A verifier domain is one module and one registry line: the worked example of docs/ARCHITECTURE.md ("Adding
a verifier domain"), registered as the page says, reaches every table derived from the registry; and the
multiple-choice domain's one name (`choice`) and its old spelling (`knowledge`) give the same suite."""

import json
import re
import sys
import types
from pathlib import Path

import pytest
from pydantic import ValidationError

import tinylogic.domains as domains
from tinylogic.config_load import ConfigError, load_recipe
from tinylogic.data.loaders import load_problems
from tinylogic.data.prompts import solve_prompt
from tinylogic.data.schema import Problem
from tinylogic.data.suite import synthesize
from tinylogic.eval.summary import answer_reader, summarise
from tinylogic.serve.schemas import ChatRequest
from tinylogic.verify.base import verify
from tinylogic.verify.batch import RowError, parse_row, verify_batch

ARCHITECTURE = Path(__file__).resolve().parents[1] / "docs" / "ARCHITECTURE.md"


@pytest.fixture
def yesno(monkeypatch):
    """The page's module, as tinylogic/domains/yesno.py, and its registry line."""
    section = ARCHITECTURE.read_text(encoding="utf-8").split("### Adding a verifier domain", 1)[1]
    module_code, registry_line = re.findall(r"```python\n(.*?)```", section, flags=re.S)[:2]
    module = types.ModuleType("tinylogic.domains.yesno")
    exec(compile(module_code, "docs/ARCHITECTURE.md: tinylogic/domains/yesno.py", "exec"), module.__dict__)
    line: dict = {}
    exec(registry_line, line)
    assert line["REGISTERED"] == (*domains.REGISTERED, "yesno")  # the page adds one name, nothing else
    monkeypatch.setitem(sys.modules, "tinylogic.domains.yesno", module)
    monkeypatch.setattr(domains, "REGISTERED", line["REGISTERED"])
    domains.registry.cache_clear()
    yield module.DOMAIN
    domains.registry.cache_clear()  # before monkeypatch restores REGISTERED: the next registry() is the real one


def ask(**fields) -> ChatRequest:
    return ChatRequest(model="m", messages=[{"role": "user", "content": "Is 14 even?"}], **fields)


def test_the_worked_example_reaches_every_table(yesno, tmp_path):
    problem = Problem(id="q1", domain="yesno", prompt="Is 14 even?", answer="yes")
    assert domains.registry()["yesno"] is yesno and "yesno" in domains.known()

    # prompt: SFT records, evaluation, RL and serving all ask through solve_prompt
    assert solve_prompt(problem) == "Is 14 even?\n\nAnswer yes or no."
    with_passage = problem.model_copy(update={"meta": {"passages": [{"id": "p1", "text": "14 is 2 * 7."}]}})
    assert solve_prompt(with_passage) == "Passages:\n[1] 14 is 2 * 7.\n\nIs 14 even?\n\nAnswer yes or no."

    # verifier dispatch, one at a time and batched (the thread pool path)
    assert verify(problem, "14 = 2 * 7, so yes.").correct and not verify(problem, "No.").correct
    assert verify(problem.model_copy(update={"answer": "maybe"}), "yes").error
    assert [v.correct for v in verify_batch([(problem, "yes"), (problem, "no")], workers=1)] == [True, False]

    # grader rows: the domain's gold fields
    assert parse_row(1, {"id": "a", "domain": "yesno", "response": "yes", "answer": "yes"}).answer == "yes"
    with pytest.raises(RowError, match=r"line 2: field 'answer': missing \(needed for domain 'yesno'\)"):
        parse_row(2, {"id": "b", "domain": "yesno", "response": "yes"})
    with pytest.raises(RowError, match=r"line 3: field 'domain': unknown domain 'nope' \(known: .*yesno\)"):
        parse_row(3, {"id": "c", "domain": "nope", "response": "yes"})

    # serve: the domain, its gold, and a gold it does not use
    request = ask(domain="yesno", answer="yes")
    assert request.resolved_domain() == "yesno" and request.has_gold() and request.strategy() == "verifier"
    with pytest.raises(ValidationError, match="'tests' is not used by domain 'yesno'"):
        ask(domain="yesno", tests={"style": "stdio", "inputs": [""], "outputs": [""]})
    with pytest.raises(ValidationError, match="unknown domain 'nope'; choose among .*yesno"):
        ask(domain="nope")
    assert ask(answer="7").resolved_domain() == "math"  # an answer alone still means math

    # evaluation: vote keys, maj@n, and the reasoning side of the reasoning-vs-knowledge table
    assert answer_reader("yesno") is yesno.vote_key
    fact = Problem(id="f1", domain="choice", prompt="Capital?", choices=["Oslo", "Rome"], answer="A")
    texts = {"q1": ["yes", "no", "so: yes"], "f1": ["A", "B", "B"]}
    rows = [{"problem_id": p.id, "sample_index": i, "domain": p.domain, "response": t,
             "pred": answer_reader(p.domain)(p, t), "correct": verify(p, t).correct}
            for p in (problem, fact) for i, t in enumerate(texts[p.id])]
    summary = summarise([problem, fact], rows, ks=[1])
    assert summary["by_domain"]["yesno"]["maj@3"] == 1.0 and summary["by_domain"]["choice"]["maj@3"] == 0.0
    table = summary["reasoning_vs_knowledge"]
    assert table["yesno"]["problems"] == 1 and table["reasoning"]["domains"] == ["yesno"]

    # data: a verl file's `ability` names it; the suite does not generate it (no Domain.suite)
    verl = tmp_path / "verl.jsonl"
    verl.write_text(json.dumps({"prompt": [{"role": "user", "content": "Is 9 even?"}], "ability": "yesno",
                                "reward_model": {"ground_truth": "no"}, "data_source": "toy"}) + "\n")
    assert [(p.domain, p.answer) for p in load_problems(verl)] == [("yesno", "no")]
    with pytest.raises(ConfigError, match=r"data\.domains\.0: .*'yesno' has no built-in suite generator"):
        load_recipe(None, ["data.domains=[yesno]"])


def test_the_registry_is_back_to_the_builtin_domains():
    assert list(domains.registry()) == ["math", "code", "choice", "instruct"]


def test_choice_and_its_old_name_knowledge_give_the_same_suite():
    assert load_recipe(None, ["data.domains=[math, knowledge, choice]"]).data.domains == ["math", "knowledge",
                                                                                          "choice"]
    as_knowledge = synthesize(60, seed=2, domains=["math", "knowledge"])
    as_choice = synthesize(60, seed=2, domains=["math", "choice"])
    assert [p.model_dump() for p in as_choice] == [p.model_dump() for p in as_knowledge]
    facts = [p for p in as_choice if p.domain == "choice"]
    assert facts and all(re.fullmatch(r"knowledge-facts-\d{6}", p.id) for p in facts)  # ids as before
    with pytest.raises(ValueError, match=r"unknown domain 'facts' \(known: .*choice \(also knowledge"):
        synthesize(4, seed=0, domains=["facts"])
