import gzip
import json
import re

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tinylogic.data.loaders import DataError, choose_adapter, iter_jsonl, load_problems, write_problems
from tinylogic.data.schema import AssertTests, Problem, Trace

SHARED_COUNTS = {
    "aime24.parquet": 30,
    "aime25.parquet": 30,
    "hmmt25.parquet": 30,
    "aime24_test.jsonl": 30,
    "amc23_test.jsonl": 40,
    "gsm8k_test.jsonl": 1319,
    "minerva_math_test.jsonl": 272,
    "olympiadbench_test.jsonl": 675,
    "humaneval.jsonl.gz": 164,
}


@pytest.fixture(scope="module")
def shared(benchmarks_dir):
    return {name: load_problems(benchmarks_dir / name) for name in SHARED_COUNTS}


@pytest.mark.parametrize("name", SHARED_COUNTS)
def test_every_shared_file_loads_with_its_row_count(shared, name):
    problems = shared[name]
    assert len(problems) == SHARED_COUNTS[name]
    assert len({p.id for p in problems}) == len(problems)  # ids unique within a file
    assert all(p.prompt.strip() for p in problems)
    if name.startswith("humaneval"):
        assert all(p.domain == "code" and p.tests is not None for p in problems)
    else:
        assert all(p.domain == "math" and p.answer and p.answer.strip() for p in problems)


def test_limit(benchmarks_dir):
    assert len(load_problems(benchmarks_dir / "gsm8k_test.jsonl", limit=7)) == 7


def test_gsm8k_answer_is_the_number_and_rationale_kept(shared):
    problems = shared["gsm8k_test.jsonl"]
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", p.answer) for p in problems)
    assert problems[0].answer == "18"
    assert "####" not in problems[0].meta["solution"] and "16 - 3 - 4" in problems[0].meta["solution"]
    # "2,125" style answers lose their thousands separator
    assert not any("," in p.answer for p in problems)


def test_humaneval_tests_are_assert_style_with_entry_point(shared):
    first = shared["humaneval.jsonl.gz"][0]
    assert first.id == "HumanEval/0"
    assert isinstance(first.tests, AssertTests)
    assert first.tests.entry_point == "has_close_elements"
    assert "def check(candidate)" in first.tests.script
    assert "for idx, elem" in first.meta["canonical_solution"]


def test_verl_prompt_is_user_text_without_the_eval_suffix(shared):
    for name in ("aime24.parquet", "aime25.parquet", "hmmt25.parquet"):
        for p in shared[name]:
            assert len(p.prompt) > 40 and "\\boxed{}" not in p.prompt
            assert p.split == "test" and "index" in p.meta
    aime25 = shared["aime25.parquet"][0]
    assert aime25.answer == "70"  # int ground truth -> str
    assert aime25.source == "aime25" and aime25.id == "aime25-0"


def test_qwen_math_layouts(shared):
    # aime24_test.jsonl and aime24.parquet hold the same problems (in another order), same answers
    jsonl, parquet = shared["aime24_test.jsonl"], shared["aime24.parquet"]
    assert sorted(p.answer.lstrip("0") for p in jsonl) == sorted(p.answer.lstrip("0") for p in parquet)
    assert shared["amc23_test.jsonl"][0].answer == "27"  # 27.0 -> "27"
    minerva = shared["minerva_math_test.jsonl"][0]
    assert minerva.answer == "1.6" and "\\boxed{1.6}" in minerva.meta["solution"]
    olympiad = shared["olympiadbench_test.jsonl"]
    assert olympiad[0].answer == "2" and olympiad[0].subdomain == "Combinatorics"
    assert isinstance(olympiad[0].meta["solution"], list) and olympiad[0].meta["answer_type"] == "Numerical"


def test_choose_adapter_by_columns():
    assert choose_adapter(["id", "domain", "prompt"]) == "native"
    assert choose_adapter(["question", "answer", "idx"]) == "question_answer"
    assert choose_adapter(["problem", "question", "answer", "url"]) == "problem_answer"
    assert choose_adapter(["text", "label"]) is None


def test_malformed_json_line_is_named(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"domain": "math", "prompt": "a", "id": "x"}\n\n{"domain": "math", prompt\n')
    with pytest.raises(DataError, match=r"bad\.jsonl, line 3: malformed JSON"):
        load_problems(path)


def test_wrong_typed_field_names_line_and_field(tmp_path):
    path = tmp_path / "typed.jsonl"
    rows = [
        {"id": "a", "domain": "math", "prompt": "ok", "answer": "1"},
        {
            "id": "b",
            "domain": "math",
            "prompt": "ok",
            "answer": "2",
            "traces": [{"strategy": "s", "text": 5}],
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(DataError, match=r"typed\.jsonl, line 2, field 'traces\.0\.text'"):
        load_problems(path)


def test_unknown_layout_names_the_row(tmp_path):
    path = tmp_path / "odd.jsonl.gz"
    with gzip.open(path, "wt") as f:
        f.write(json.dumps({"text": "hi", "label": 1}) + "\n")
    with pytest.raises(DataError, match=r"odd\.jsonl\.gz, line 1, field 'label, text': fits no known layout"):
        load_problems(path)


def test_bad_parquet_row_is_named(tmp_path):
    path = tmp_path / "verl.parquet"
    good = {"content": "What is 2+2?", "role": "user"}
    table = pa.table(
        {
            "prompt": [[good], [good], [{"content": "", "role": "user"}]],
            "ability": ["math"] * 3,
            "reward_model": [{"ground_truth": "4", "style": "rule"}] * 3,
        }
    )
    pq.write_table(table, path)
    with pytest.raises(DataError, match=r"verl\.parquet, row 2, field 'prompt'"):
        load_problems(path)
    assert [p.answer for p in load_problems(path, limit=2)] == ["4", "4"]


def test_minerva_row_without_box_names_solution(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps([{"problem": "p", "solution": "\\boxed{3}"}, {"problem": "p", "solution": "none"}])
    )
    with pytest.raises(DataError, match=r"m\.json, row 1, field 'solution'"):
        load_problems(path)


def test_save_to_disk_directory_loads(tmp_path):
    datasets = pytest.importorskip("datasets")
    rows = [{"question": f"What is {i} + {i}?", "answer": f"Double it.\n#### {2 * i}"} for i in range(5)]
    datasets.Dataset.from_list(rows).save_to_disk(str(tmp_path / "saved"))
    problems = load_problems(tmp_path / "saved")
    assert [p.answer for p in problems] == ["0", "2", "4", "6", "8"]
    assert problems[3].id == "saved-3" and problems[3].source == "saved"


def test_native_round_trip(tmp_path):
    problems = [
        Problem(
            id="m1",
            domain="math",
            prompt="1+1?",
            answer="2",
            difficulty=3,
            split="train",
            traces=[
                Trace(strategy="direct", text="1+1=\\boxed{2}"),
                Trace(strategy="bad", text="3", flawed=True),
            ],
        ),
        Problem(
            id="c1",
            domain="code",
            prompt="def f(): ...",
            tests=AssertTests(script="def check(c): assert c() == 1", entry_point="f"),
        ),
        Problem(id="u1", domain="math", prompt="ünïcode ≤ π", answer="\\frac{1}{2}", meta={"k": [1, 2]}),
    ]
    for p in problems:
        p.source = "hand"  # a row without one would get the file stem
    for name in ("out.jsonl", "out.jsonl.gz"):
        path = tmp_path / name
        assert write_problems(path, problems) == 3
        assert load_problems(path) == problems
    lines = (tmp_path / "out.jsonl").read_text().splitlines()
    assert '"traces"' not in lines[2]  # defaults left out
    assert [n for n, _ in iter_jsonl(tmp_path / "out.jsonl")] == [1, 2, 3]
    assert not list(tmp_path.glob(".*tmp"))  # temp file replaced, not left behind


def test_missing_hub_name_fails_clearly():
    with pytest.raises(DataError, match="cannot load with `datasets`"):
        load_problems("/nonexistent/definitely-not-a-dataset-xyz")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(DataError, match=r"nope\.parquet: no such file"):
        load_problems(tmp_path / "nope.parquet")


def test_olympiad_context_is_part_of_the_prompt(tmp_path):
    row = {
        "question": "Find $x$.",
        "context": "Let $x = 3$.",
        "final_answer": ["$3$", "$-3$"],
        "solution": ["..."],
    }
    (tmp_path / "ob.jsonl").write_text(json.dumps(row) + "\n")
    (problem,) = load_problems(tmp_path / "ob.jsonl")
    assert problem.prompt == "Let $x = 3$.\n\nFind $x$." and problem.answer == "$3$, $-3$"
