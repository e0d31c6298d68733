"""Retrieval: reading documents, building/loading/searching indexes, the CLI, attaching passages."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from tinylogic.cli import app
from tinylogic.config_load import load_recipe
from tinylogic.data.prompts import solve_prompt
from tinylogic.data.schema import Problem
from tinylogic.data.suite import synthesize
from tinylogic.data.suite_knowledge import builtin_index, passages
from tinylogic.retrieval import RetrievalError, attach_passages, build_index, load_index, read_docs

runner = CliRunner()
DOCS = [
    {"id": "paris", "text": "Paris is the capital of France and stands on the Seine."},
    {"id": "nile", "text": "The Nile flows north through Egypt into the Mediterranean."},
    {"id": "everest", "text": "Mount Everest is the highest mountain above sea level."},
    {"id": "copper", "text": "Copper conducts electricity well and is used in wiring."},
]


@pytest.fixture
def small_index(tmp_path):
    return build_index(DOCS, tmp_path / "idx")


def test_builtin_fact_is_retrieved_for_its_question():
    heldout = [p for p in synthesize(900, seed=5, domains=["knowledge"], passage_fraction=0) if p.split == "heldout"]
    index = builtin_index()
    found = index.search_many([p.prompt for p in heldout], 5)
    for p, hits in zip(heldout, found, strict=True):  # each town has 5 facts: its passages fill the top 5
        assert p.meta["fact_id"] in [h.id for h in hits], p.prompt
        assert all(p.meta["town"] in h.text for h in hits)
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    top1 = sum(hits[0].id == p.meta["fact_id"] for p, hits in zip(heldout, found, strict=True)) / len(heldout)
    assert top1 > 0.5


def test_build_load_search_round_trip(small_index):
    index = load_index(small_index)
    assert index.backend == "bm25" and [p["id"] for p in index.passages] == [d["id"] for d in DOCS]
    hits = index.search("Which river flows through Egypt?", k=2)
    assert hits[0].id == "nile" and hits[0].text == DOCS[1]["text"] and hits[0].score > 0
    assert [h.id for h in index.search("capital of France", k=10)] == ["paris"]  # k > corpus, no-overlap dropped
    assert index.search("zebra quantum", k=3) == []
    assert index.search_many(["highest mountain", "wiring electricity"], 1)[1][0].id == "copper"
    with pytest.raises(ValueError, match="k must be >= 1"):
        index.search("Nile", k=0)
    rebuilt = build_index(DOCS[:2], small_index)  # an index already there is replaced
    assert len(load_index(rebuilt).passages) == 2


def test_missing_or_corrupt_index_is_named(tmp_path, small_index):
    with pytest.raises(RetrievalError, match=r"nowhere: no such folder .*tinylogic index build"):
        load_index(tmp_path / "nowhere")
    (tmp_path / "plain").mkdir()
    with pytest.raises(RetrievalError, match="not a tinylogic index"):
        load_index(tmp_path / "plain")
    broken = tmp_path / "broken"
    shutil.copytree(small_index, broken)
    (broken / "data.csc.index.npy").write_bytes(b"not numpy")
    with pytest.raises(RetrievalError, match=r"broken: damaged .*rebuild it"):
        load_index(broken)
    shutil.rmtree(broken)
    shutil.copytree(small_index, broken)
    (broken / "corpus.jsonl").write_text(json.dumps(DOCS[0]) + "\n")
    with pytest.raises(RetrievalError, match="damaged"):
        load_index(broken)
    (small_index / "index.json").write_text("{not json")
    with pytest.raises(RetrievalError, match=r"index.json: not valid JSON"):
        load_index(small_index)
    (tmp_path / "plain" / "keep.txt").write_text("mine")
    with pytest.raises(RetrievalError, match="is not a tinylogic index; not overwriting"):
        build_index(DOCS, tmp_path / "plain")
    assert (tmp_path / "plain" / "keep.txt").read_text() == "mine"


def test_read_docs_formats_and_errors(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.jsonl").write_text('{"id": 7, "text": "seven"}\n\n{"text": "no id"}\n')
    (folder / "sub" / "b.md").write_text("First  paragraph\nwraps.\n\n\nSecond.\n")
    (folder / "ignored.csv").write_text("x")
    assert read_docs(folder) == [{"id": "7", "text": "seven"}, {"id": "a.jsonl:3", "text": "no id"},
                                 {"id": "sub/b.md#1", "text": "First paragraph wraps."},
                                 {"id": "sub/b.md#2", "text": "Second."}]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"title": "no text"}\n')
    with pytest.raises(RetrievalError, match=r"bad.jsonl, line 2: .*'text'"):
        read_docs(bad)
    bad.write_text('{"text": "ok"}\n{oops\n')
    with pytest.raises(RetrievalError, match=r"bad.jsonl, line 2: malformed JSON"):
        read_docs(bad)
    bad.write_text('{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}\n')
    with pytest.raises(RetrievalError, match="'x' appears more than once"):
        read_docs(bad)
    with pytest.raises(RetrievalError, match="unsupported document file"):
        read_docs(folder / "ignored.csv")


def test_index_cli_end_to_end(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(d) + "\n" for d in DOCS))
    out = tmp_path / "idx"
    result = runner.invoke(app, ["index", "build", "--docs", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "indexed 4 passages (bm25)" in result.output
    assert json.loads((out / "index.json").read_text())["passages"] == 4
    result = runner.invoke(app, ["index", "search", "Where is the highest mountain?", "--index", str(out),
                                 "--k", "2", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.splitlines()[0])["id"] == "everest"
    problems = tmp_path / "problems.jsonl"
    rows = [{"id": "q1", "domain": "choice", "prompt": "What is the capital of France?", "answer": "A",
             "choices": ["Paris", "Lyon"]}, {"id": "m1", "domain": "math", "prompt": "Compute 2 + 2.", "answer": "4"}]
    problems.write_text("".join(json.dumps(r) + "\n" for r in rows))
    attached = tmp_path / "attached.jsonl"
    result = runner.invoke(app, ["index", "attach", "--problems", str(problems), "--out", str(attached),
                                 "--index", str(out), "--k", "1"])
    assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in attached.read_text().splitlines()]
    assert written[0]["meta"]["passages"] == [DOCS[0]] and "meta" not in written[1]
    result = runner.invoke(app, ["index", "search", "x", "--index", str(tmp_path / "none")])
    assert result.exit_code == 2 and "no such folder" in " ".join(result.output.split())  # rich wraps lines
    result = runner.invoke(app, ["index", "build", "--docs", str(tmp_path / "none.jsonl"), "--out", str(out)])
    assert result.exit_code == 2 and "no such file or folder" in " ".join(result.output.split())


def test_synth_writes_the_corpus_and_it_indexes(tmp_path):
    suite = tmp_path / "suite.jsonl"
    result = runner.invoke(app, ["data", "synth", "--out", str(suite), "--n", "30", "--domains", "math,knowledge"])
    assert result.exit_code == 0, result.output
    corpus = tmp_path / "suite.passages.jsonl"
    assert [json.loads(line) for line in corpus.read_text().splitlines()] == passages()
    result = runner.invoke(app, ["data", "synth", "--out", str(tmp_path / "m.jsonl"), "--n", "4", "--domains", "math"])
    assert result.exit_code == 0 and not (tmp_path / "m.passages.jsonl").exists()


def test_attach_passages_copies_and_renders(small_index):
    index = load_index(small_index)
    asked = Problem(id="q", domain="choice", prompt="Which metal is used in wiring?", answer="B",
                    choices=["Gold", "Copper"], meta={"keep": 1})
    math = Problem(id="m", domain="math", prompt="Compute 2 + 2.", answer="4")
    out = attach_passages([asked, math], index, k=2)
    assert "passages" not in asked.meta and out[1] is math  # inputs untouched, other domains as they were
    assert out[0].meta["keep"] == 1 and out[0].meta["passages"][0] == {"id": "copper", "text": DOCS[3]["text"]}
    prompt = solve_prompt(out[0])
    assert prompt.startswith(f"Passages:\n[1] {DOCS[3]['text']}\n") and prompt.endswith(solve_prompt(asked))
    assert "passages" in attach_passages([math], index, k=1, domains=None)[0].meta


def test_recipe_retrieval_section():
    cfg = load_recipe(None, ["retrieval.k=2", "retrieval.index=runs/idx", "data.domains=[math,knowledge]"])
    assert cfg.retrieval.k == 2 and cfg.retrieval.index == "runs/idx" and "knowledge" in cfg.data.domains
    with pytest.raises(ValueError, match="retrieval.k"):
        load_recipe(None, ["retrieval.k=0"])


def test_dense_backend_ranks_identical_text_first(tmp_path, tiny_model):
    pytest.importorskip("sentence_transformers")
    out = build_index(DOCS, tmp_path / "dense", backend="dense", model=tiny_model)
    index = load_index(out)
    assert index.backend == "dense" and index.embeddings.shape[0] == len(DOCS)
    for doc in DOCS:  # an untrained model still embeds identical text identically (cosine 1)
        hits = index.search(doc["text"], k=3)
        assert hits[0].id == doc["id"] and hits[0].score == pytest.approx(1.0, abs=1e-4) and len(hits) == 3
    with pytest.raises(RetrievalError, match="no such folder"):
        build_index(DOCS, tmp_path / "d2", backend="dense", model=tmp_path / "no-model")
    with pytest.raises(RetrievalError, match="needs an embedding model"):
        build_index(DOCS, tmp_path / "d3", backend="dense")
