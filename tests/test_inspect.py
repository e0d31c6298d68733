import json

import pytest
from rich.console import Console

from tinylogic.data.inspect import render_summary, summarize
from tinylogic.data.schema import Problem, Trace


def _problems():
    def trace(n, flawed=False):
        return Trace(strategy="s", text="x" * n, flawed=flawed)

    return [
        Problem(
            id="a",
            domain="math",
            subdomain="algebra",
            difficulty=1,
            split="train",
            prompt="p" * 10,
            answer="1",
            traces=[trace(100), trace(300, flawed=True)],
        ),
        Problem(
            id="b",
            domain="math",
            subdomain="geometry",
            difficulty=1,
            split="train",
            prompt="p" * 20,
            answer="2",
            traces=[trace(200)],
        ),
        Problem(id="c", domain="code", difficulty="hard", split="heldout", prompt="p" * 30),
        Problem(id="d", domain="math", subdomain="algebra", prompt="p" * 100, answer="4"),
    ]


def test_summarize_counts_and_lengths():
    s = summarize(_problems())
    assert s["problems"] == 4
    assert s["by_domain"] == {"math": 3, "code": 1}
    assert s["by_subdomain"] == {"algebra": 2, "geometry": 1, "(none)": 1}
    assert s["by_difficulty"] == {"1": 2, "hard": 1, "(none)": 1}
    assert s["by_split"] == {"train": 2, "heldout": 1, "(none)": 1}
    # p90 interpolates linearly: 30 + 0.7 * (100 - 30)
    assert s["prompt_chars"] == pytest.approx({"min": 10, "mean": 40, "median": 25, "p90": 79, "max": 100})
    traces = s["traces"]
    assert traces["total"] == 3 and traces["flawed"] == 1 and traces["problems_with_traces"] == 2
    assert traces["chars"]["min"] == 100 and traces["chars"]["max"] == 300 and traces["chars"]["mean"] == 200
    assert traces["per_problem"]["mean"] == 1.5
    json.dumps(s)  # JSON-ready (difficulty keys are strings)


def test_summarize_without_traces_and_empty():
    assert summarize(_problems()[2:3])["traces"] is None
    empty = summarize([])
    assert empty["problems"] == 0 and empty["prompt_chars"] is None


def test_render_summary_prints_tables():
    console = Console(record=True, width=120)
    render_summary(summarize(_problems()), console)
    out = console.export_text()
    assert "4 problems" in out
    assert "geometry" in out and "heldout" in out
    assert "trace chars" in out and "3 traces on 2 problems, 1 flawed" in out
    render_summary(summarize([]), Console(record=True))  # no crash on nothing
