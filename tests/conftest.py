from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT.parent / "shared" / "data" / "benchmarks"


@pytest.fixture(scope="session")
def benchmarks_dir() -> Path:
    if not BENCHMARKS.is_dir():
        pytest.fail(f"shared benchmark files not found at {BENCHMARKS} (expected ../shared beside the repo)")
    return BENCHMARKS
