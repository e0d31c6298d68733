"""Pretraining the embedded base: the raw-text corpus, {text} records, held-out answer scoring, the stage."""

import hashlib
import json
import re

import pytest
import torch

from tinylogic import run
from tinylogic.config_load import ConfigError, load_recipe
from tinylogic.data import suite_code, suite_knowledge
from tinylogic.data.corpus import KINDS, documents
from tinylogic.train.logprobs import IGNORE
from tinylogic.train.pretrain import answer_accuracy
from tinylogic.train.sft import encode_examples

WEIGHTS = dict.fromkeys(KINDS, 1)


def test_corpus_is_deterministic_and_follows_the_weights():
    docs = documents(400, 3, WEIGHTS)
    assert docs == documents(400, 3, WEIGHTS)
    assert docs != documents(400, 4, WEIGHTS)
    assert {d["kind"] for d in docs} == set(KINDS)
    assert {d["kind"] for d in documents(50, 3, {"math": 1, "code": 0})} == {"math"}
    with pytest.raises(ValueError, match="pretrain.kinds: unknown poetry"):
        documents(5, 0, {"poetry": 1})


def test_math_and_code_documents_are_correct():
    docs = documents(200, 0, {"math": 1, "code": 1})
    for doc in docs:
        if doc["kind"] == "math":
            for head, result in re.findall(r"^([^:\n]+): .*?So (?:[^=]+ = |x = )(-?\d+)\.$", doc["text"], re.M):
                if "x" in head:  # a linear equation: the result solves it
                    left, right = (eval(re.sub(r"(\d)x", r"\1*x", side).replace("x", f"({result})"))  # noqa: S307
                                   for side in head.split(" = "))
                    assert left == right, doc["text"]
                else:
                    assert eval(head) == int(result), doc["text"]  # noqa: S307
        else:
            for block in doc["text"].split("\n\n"):
                code, *values = block.split("\n    return ")[1].split("\n")
                f = suite_code.load_f(f"def f(x):\n    return {code}")
                for line in values:
                    x, value = re.fullmatch(r"f\((-?\d+)\) = .* = (-?\d+)", line).groups()
                    assert f(int(x)) == int(value)
        assert doc["text"][doc["answer_at"]:].strip(".")  # every document ends with an answer


def test_functions_worked_out_from_examples_fit_them_and_never_guess():
    for doc in documents(60, 0, {"code_from_examples": 1}):
        assert doc["working_at"] < doc["answer_at"] and "Guess" not in doc["text"], doc["text"]
        for item in doc["text"].split("\n\n"):
            examples, working = item.split(": ", 1)
            expr = re.fullmatch(r".*\. So f\(x\) = (.+)\.", working).group(1)
            f = suite_code.load_f(suite_code.function(expr))
            for x, y in re.findall(r"f\((-?\d+)\) = (-?\d+)", examples):
                assert f(int(x)) == int(y), item
        assert doc["text"].endswith(expr + ".") and doc["text"][doc["answer_at"]:] == expr + "."


def test_articles_are_about_another_world_and_restate_what_they_said():
    suite_towns = {f["town"] for f in suite_knowledge.fact_table()}
    values = {word for *_, options in suite_knowledge.ATTRIBUTES.values() for o in options for word in o.split()}
    docs = documents(100, 0, {"knowledge": 1})
    for doc in docs:
        body, _, restated = doc["text"].partition("\nIn short: ")
        # no suite town, only names some other words share ("Aldo Fenwick" founded towns; Fenwick is one too)
        assert set(re.findall(r"\b[A-Z][a-z]+\b", body)) & suite_towns <= values, doc["text"]
        answer = doc["text"][doc["answer_at"]:].removesuffix(".")
        assert answer.split()[-1] in body  # the answer is read off the article
        assert doc["answer_at"] > len(body)


def test_held_out_prompts_are_left_out():
    first = documents(300, 0, {"math": 1})
    heads = {h for d in first for h in re.findall(r"^(\d+ [-+*] \d+):", d["text"], re.M)}
    exclude = {f"Compute {h}." for h in heads}
    again = documents(300, 0, {"math": 1}, exclude=exclude)
    assert heads and not heads & {h for d in again for h in re.findall(r"^(\d+ [-+*] \d+):", d["text"], re.M)}


def test_a_text_record_is_all_labels_and_ends_with_eos(tiny_model):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_model)
    text, chat = encode_examples(tok, [{"text": "12 + 5 = 17."}, {"prompt": "hi", "completion": "yo"}])
    assert text["input_ids"] == tok("12 + 5 = 17.")["input_ids"] + [tok.eos_token_id]
    assert text["labels"] == [IGNORE, *text["input_ids"][1:]]
    assert IGNORE in chat["labels"][1:]  # a chat record still has an unlabelled prompt


def test_answer_accuracy_scores_the_answer_tokens_only(tiny_model, tmp_path):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_model)
    model = AutoModelForCausalLM.from_pretrained(tiny_model)
    text = "The town of Kelby stands on the river Osk."
    ids = torch.tensor([tok(text)["input_ids"] + [tok.eos_token_id]])  # as a {text} record: generation stops after
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    for _ in range(60):  # learn this one sentence by heart
        optimizer.zero_grad()
        model(input_ids=ids, labels=ids).loss.backward()
        optimizer.step()
    model.save_pretrained(tmp_path / "m")
    tok.save_pretrained(tmp_path / "m")
    at = text.index(" Osk")
    docs = [{"text": text, "kind": "knowledge", "answer_at": at, "working_at": at},
            {"text": text.replace("Osk", "Tavy"), "kind": "knowledge", "answer_at": at, "working_at": at},  # wrong
            {"text": text.replace("Kelby", "Zorp"), "kind": "math", "answer_at": at, "working_at": at}]  # unseen head
    # written out greedily from "The town of Kelby": the learnt line ends with the answer; with "Tavy" it does not
    works = [{"text": t, "kind": "code", "answer_at": at + 1, "working_at": text.index(" stands")}
             for t in (text, text.replace("Osk", "Tavy"), text.replace("Osk", "sk"))]
    scores = answer_accuracy(tmp_path / "m", docs + works)
    assert scores["knowledge"]["documents"] == 2 and scores["knowledge"]["answer_accuracy"] == 0.5
    assert scores["knowledge"]["loss"] < scores["math"]["loss"]
    assert "solve_accuracy" not in scores["knowledge"]  # no working to write
    assert scores["code"]["solve_accuracy"] == round(1 / 3, 4)  # "...river Osk." does not end with " sk."


def test_the_pretrain_stage_runs_and_last_stage_stops_there(tmp_path, tiny_model):
    cfg = load_recipe(None, [f"output_dir={tmp_path}", "name=base", f"model.base={tiny_model}",
                             "data.suite_size=40", "data.heldout_fraction=0.3", "data.decontam_against=[]",
                             "data.domains=[math, code, knowledge, instruct]", "spectrum.probe_problems=2",
                             "pretrain.documents=48", "pretrain.heldout_documents=16",
                             "pretrain.training.global_batch_size=16", "pretrain.training.epochs=1",
                             "pretrain.training.pack_tokens=256", "pretrain.training.learning_rate=2e-3",
                             "run.last_stage=pretrain"])
    run.run_recipe(cfg, progress=False)
    state = run.read_state(tmp_path / "base" / "02a-pretrain")
    assert state["status"] == "done" and state["outputs"]["model"].endswith("02a-pretrain/final")
    assert sum(s["documents"] for s in state["outputs"]["heldout"].values()) == 16
    losses = [json.loads(line)["loss"] for line in (tmp_path / "base" / "02a-pretrain" / "metrics.jsonl").open()]
    assert len(losses) == 3 and losses[-1] < losses[0]
    assert not (tmp_path / "base" / "03-sft1").exists()


def test_an_unknown_last_stage_is_named(tmp_path):
    cfg = load_recipe(None, [f"output_dir={tmp_path}", "run.last_stage=pretrian"])
    with pytest.raises(ConfigError, match="run.last_stage: unknown stage 'pretrian'; choose among data, model, pretrain"):
        run.run_recipe(cfg, progress=False)


def test_the_corpus_text_is_what_the_measured_base_was_trained_on():
    # BENCHMARKS.md's recipes/base.yaml figures were measured on a base pretrained on these texts: a change to
    # the corpus's text means the recipe no longer reproduces them, and they must be measured again.
    from tinylogic.config import PretrainConfig

    texts = "".join(d["text"] for d in documents(300, 0, PretrainConfig().kinds))
    assert hashlib.sha256(texts.encode()).hexdigest()[:16] == "17bc5f808f44a88d"


def test_the_shipped_base_has_the_tokenizer_the_model_stage_trains():
    # recipes/base.yaml starts from `model.base: tiny`, whose tokenizer is trained on the suite's SFT texts: a
    # change to those texts (a new trace format) gives another vocabulary, and the recipe then no longer
    # reproduces the shipped base. Measured once: knowledge traces naming their option moved 18 merges.
    from tinylogic.models import build_tokenizer
    from tinylogic.pretrained import PRETRAINED

    def vocab_and_merges(serialized: str) -> tuple[dict, list]:
        bpe = json.loads(serialized)["model"]
        return bpe["vocab"], [m.split(" ") if isinstance(m, str) else m for m in bpe["merges"]]

    shipped = (PRETRAINED["tiny-pretrained"] / "tokenizer.json").read_text(encoding="utf-8")
    assert vocab_and_merges(build_tokenizer().backend_tokenizer.to_str()) == vocab_and_merges(shipped)


def test_config_show_names_an_unknown_last_stage():
    from typer.testing import CliRunner

    from tinylogic.cli import app

    result = CliRunner().invoke(app, ["config", "show", "--set", "run.last_stage=pretrian"])
    assert result.exit_code == 2 and "run.last_stage: unknown stage 'pretrian'" in result.output, result.output


def test_the_shipped_base_is_a_pretrained_model_and_the_model_stage_uses_it(tmp_path):
    # model.base: tiny-pretrained is recipes/base.yaml's output, shipped in the package (BENCHMARKS.md has its
    # held-out figures on 800 documents; an untrained model scores 0 on each)
    from tinylogic.cli_common import model_or_fail
    from tinylogic.config import PretrainConfig
    from tinylogic.pretrained import PRETRAINED

    shipped = PRETRAINED["tiny-pretrained"]
    scores = answer_accuracy(shipped, documents(120, 1, PretrainConfig().kinds))
    # this slice: 20 of 29 math documents solved (the previous base, 0.37 on the 800, would fall short)
    assert scores["math"]["answer_accuracy"] >= 0.9 and scores["math"]["solve_accuracy"] >= 0.5, scores
    cfg = load_recipe(None, [f"output_dir={tmp_path}", "model.base=tiny-pretrained", "run.last_stage=model",
                             "data.suite_size=40", "data.decontam_against=[]", "spectrum.probe_problems=2"])
    run.run_recipe(cfg, progress=False)
    assert run.read_state(tmp_path / cfg.name / "02-model")["outputs"]["model"] == str(shipped)
    assert model_or_fail("tiny-pretrained") == str(shipped)  # every --model option takes the name too
