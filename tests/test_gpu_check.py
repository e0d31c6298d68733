"""benchmarks/gpu_check.py --smoke: the GPU check's own code (model build, tinylogic SFT, TRL SFT where trl is
installed, RL), run on the CPU with a tiny model, so a session with a GPU can trust the real run."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def number(cell: str) -> float:
    return float(cell.replace(",", "").rstrip("%×"))


@pytest.mark.slow
def test_gpu_check_smoke_prints_a_row_per_case(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gpu_check.py"), "--smoke", "--out", str(tmp_path),
                           "--work", str(tmp_path / "work")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    table = (tmp_path / "gpu_check_smoke.md").read_text()
    assert table in done.stdout  # the same table is printed
    rows = [[c.strip() for c in line.split("|")[1:-1]] for line in table.splitlines() if line.startswith("| smoke")]
    sft, rl = [r for r in rows if len(r) == 10], [r for r in rows if len(r) == 9]

    assert [r[1] for r in sft] == ["256", "512"]  # one row per packed length
    has_trl = importlib.util.find_spec("trl") is not None
    for _, _, tokens_s, peak, mfu, step_s, trl_tokens_s, trl_peak, _, ratio in sft:
        assert number(tokens_s) > 0 and number(step_s) > 0
        assert peak == mfu == "n/a on CPU"  # no GPU here: no CUDA peak, no MFU against an H200
        if has_trl:
            assert number(trl_tokens_s) > 0 and trl_peak == "n/a on CPU" and number(ratio) > 0
        else:  # the missing peer says why instead of a number
            assert trl_tokens_s == "trl not installed" and ratio == "—"

    [(_, groups, max_new, step_s, generate_s, train_s, sampled, trained, peak)] = rl
    assert (groups, max_new, peak) == ("2 × 4", "16", "n/a on CPU")
    assert number(step_s) > 0 and number(generate_s) > 0 and number(sampled) > 0
    assert number(train_s) > 0 and number(trained) > 0  # the coin-flip reward gave the last step signal
    assert "Notes:" not in table  # no case failed

    record = json.loads((tmp_path / "gpu_check_smoke.json").read_text())
    steps = record["cases"]["01 tinylogic_sft smoke @ 256 tokens"]["steps_detail"]
    assert [s["tokens"] for s in steps] == [256] * 3  # each optimizer step is exactly one full packed row
    assert record["results"]["builds"]["smoke"]["params"] > 0


@pytest.mark.slow
def test_gpu_profile_smoke_lists_each_trainers_ops(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "gpu_profile.py"), "--smoke", "--steps", "2",
                           "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    summary = json.loads((tmp_path / "profile.json").read_text())
    trainers = ["tinylogic"] + (["trl"] if importlib.util.find_spec("trl") else [])
    for who in trainers:
        top = summary[who]["top_ms"]
        assert len(summary[who]["step_s"]) == 2 and all(s > 0 for s in summary[who]["step_s"])
        assert any("mm" in op for op in top) and all(ms >= 0 for ms in top.values())  # the matmuls are profiled
        assert "Self CPU time total" in (tmp_path / f"profile_{who}.txt").read_text()  # torch's own table
    assert ("trl" in summary) == ("trl" in trainers)
