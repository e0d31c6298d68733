"""FSDP2 on 2 CPU processes (gloo): the shards are gathered into one Hugging Face folder, a run resumed from
a sharded checkpoint ends where an uninterrupted 1-process run ends, and a sampler's whole copy takes the
gathered weights (RL's path under FSDP2)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

WORKER = str(Path(__file__).with_name("fsdp2_worker.py"))


def _run(*args, processes: int) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_"))}
    launch = [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", str(processes)] if processes > 1 \
        else [sys.executable]
    done = subprocess.run([*launch, WORKER, *map(str, args)], env=env | {"OMP_NUM_THREADS": "1"},
                          capture_output=True, text=True, timeout=300)  # a hung collective fails, not stalls
    assert done.returncode == 0, done.stderr[-3000:]


def _weights(folder: Path) -> dict[str, torch.Tensor]:
    return load_file(folder / "model.safetensors")


@pytest.mark.slow
def test_sharded_save_and_resume_match_one_process(tiny_model, tmp_path):
    _run(tiny_model, tmp_path / "alone", 4, processes=1)
    _run(tiny_model, tmp_path / "sharded-2", 2, processes=2)
    _run(tiny_model, tmp_path / "sharded-4", 4, tmp_path / "sharded-2", processes=2)
    _run(tiny_model, tmp_path / "alone-2", 2, processes=1)

    # the gathered checkpoint is a whole model, the same as one process writes
    half, alone_half = _weights(tmp_path / "sharded-2"), _weights(tmp_path / "alone-2")
    assert half.keys() == alone_half.keys()
    # (float sums differ in order across processes; Adam amplifies that for near-zero gradients)
    for name in half:
        torch.testing.assert_close(half[name], alone_half[name], rtol=1e-3, atol=1e-4)
    # resumed from the shards (optimizer moments and schedule included), it ends where one process ends
    end, alone_end = _weights(tmp_path / "sharded-4"), _weights(tmp_path / "alone")
    # two steps move the weights far beyond that tolerance, so a resume that lost state would show
    assert max((alone_end[n] - alone_half[n]).abs().max() for n in end) > 1e-3
    for name in end:
        torch.testing.assert_close(end[name], alone_end[name], rtol=1e-3, atol=1e-4)
    # the sampler's copy took the gathered weights: it decodes as the saved checkpoint does, not as before
    for run in ("sharded-2", "sharded-4"):
        greedy = json.loads((tmp_path / run / "greedy.json").read_text())
        assert greedy["engine"] == greedy["checkpoint"] != greedy["untrained"]
    # and the 1-process checkpoint resumes on 2 processes: one format for any number of processes
    _run(tiny_model, tmp_path / "mixed-4", 4, tmp_path / "alone-2", processes=2)
    for name, tensor in _weights(tmp_path / "mixed-4").items():
        torch.testing.assert_close(tensor, alone_end[name], rtol=1e-3, atol=1e-4)
