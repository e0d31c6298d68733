"""Several processes under `accelerate launch`: which one this is, the process group, meeting points.

The launcher's environment (RANK, WORLD_SIZE) decides; the runner, the harness and the CLI all ask here,
so they agree on who is the main process and when to wait.
"""

from __future__ import annotations

import os


def rank_and_world() -> tuple[int, int]:
    """(rank, world size); (0, 1) when not launched as several processes."""
    return int(os.environ.get("RANK", "0")), int(os.environ.get("WORLD_SIZE", "1"))


def join_processes(cfg) -> None:
    """Start the process group with the recipe's `distributed.timeout` (every later Accelerator shares
    it); alone, nothing."""
    if rank_and_world()[1] > 1:
        from datetime import timedelta

        import torch
        from accelerate import PartialState

        PartialState(cpu=not torch.cuda.is_available(), timeout=timedelta(seconds=cfg.distributed.timeout))


def wait_for_all() -> None:
    """A barrier of every process (at most `distributed.timeout` long); alone, nothing."""
    if rank_and_world()[1] > 1:
        from accelerate import PartialState

        PartialState().wait_for_everyone()
