from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT.parent / "shared" / "data" / "benchmarks"


@pytest.fixture(scope="session")
def benchmarks_dir() -> Path:
    if not BENCHMARKS.is_dir():
        pytest.fail(f"shared benchmark files not found at {BENCHMARKS} (expected ../shared beside the repo)")
    return BENCHMARKS


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """The embedded default (untrained tiny Qwen2 + local tokenizer), built once per test session.
    Tests must not write into it."""
    from tinylogic.models import init_model

    return init_model(tmp_path_factory.mktemp("tiny-model") / "model", size="tiny", seed=0)
