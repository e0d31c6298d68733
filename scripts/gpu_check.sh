#!/usr/bin/env bash
# The GPU check of issue #18 (item 5), for one H200 of the device tool, in under 8 minutes: SFT steps of a
# random-init Qwen2.5-0.5B and Qwen2.5-3B at 8K and 32K packed tokens (tokens/s, peak memory, MFU), TRL's
# SFTTrainer beside each, and one RL step; what it measures and how: benchmarks/gpu_check.py's --help.
#
# How to run it (the GPU machine has no network, so the missing packages travel as wheels):
#   1. here:  bash scripts/gpu_wheels.sh          (fills .whl/, ~5 MB, and checks the tree that travels)
#   2. the device tool's run, one call:
#        run(command="bash scripts/gpu_check.sh", carry=[".whl"], timeout_s=560)
#      It takes about 7.5 minutes (installs ~15 s, the cases at most 420 s by --total-budget-seconds);
#      every case has its own time budget, and an out-of-memory or error is a table cell, not an abort.
#   3. the table is in output_tail and, with the raw JSON and the whole log, in the files that come back
#      from $OUT (gpu_check.md, gpu_check.json, gpu_check.log): copy the table into BENCHMARKS.md with its date.
# Arguments after the script go to gpu_check.py, e.g. `bash scripts/gpu_check.sh --models qwen2.5-0.5b`.
# `bash scripts/gpu_check.sh --profile [args]` runs benchmarks/gpu_profile.py instead (where the SFT step's GPU
# time goes, tinylogic beside TRL; about 2 minutes): the same installs and checks, its files in $OUT too.
# Without $OUT (anywhere else) the files go to benchmarks/results/.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT_DIR=${OUT:-benchmarks/results}
mkdir -p "$OUT_DIR"
SCRIPT=benchmarks/gpu_check.py
if [ "${1:-}" = --profile ]; then
  shift
  SCRIPT=benchmarks/gpu_profile.py
fi
LOG="$OUT_DIR/$(basename "$SCRIPT" .py).log"
export PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1

{
  start=$(date +%s)
  if compgen -G ".whl/*.whl" >/dev/null; then
    # --target into a fresh folder: the image's own packages stay as they are; ours come first on the path
    rm -rf /tmp/site
    python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl \
      || echo "gpu_check: installing .whl/ failed; going on with what the image has"
    export PYTHONPATH="/tmp/site:$PWD${PYTHONPATH:+:$PYTHONPATH}"
  else
    echo "gpu_check: no .whl/ (run scripts/gpu_wheels.sh here and carry .whl): TRL and tinylogic's own" \
         "dependencies must then be installed already"
    export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
  fi
  echo "gpu_check: installs took $(( $(date +%s) - start )) s"
  nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv,noheader 2>&1 || echo "no nvidia-smi"
  # versions, and any carried requirement the image does not meet (a warning: the cases say what breaks)
  python3 - <<'EOF' || true
import importlib
import importlib.util
import sys
from importlib.metadata import PackageNotFoundError, requires, version
from packaging.requirements import Requirement
print("python", sys.version.split()[0], "|", " ".join(
    f"{p}={version(p) if importlib.util.find_spec(m) else None}" for p, m in
    [("torch", "torch"), ("transformers", "transformers"), ("accelerate", "accelerate"), ("trl", "trl"),
     ("datasets", "datasets"), ("pydantic", "pydantic"), ("flash-attn", "flash_attn"), ("pyarrow", "pyarrow"),
     ("fsspec", "fsspec"), ("typing-extensions", "typing_extensions")]))
for dist in ("trl", "datasets", "pydantic", "pydantic-core", "math-verify", "latex2sympy2-extended"):
    try:
        lines = requires(dist) or []
    except PackageNotFoundError:
        print(f"warning: {dist} is not installed")
        continue
    for line in lines:
        req = Requirement(line)
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        try:
            have = version(req.name)
        except PackageNotFoundError:
            print(f"warning: {dist} needs {req}: not installed")
            continue
        if req.specifier and not req.specifier.contains(have, prereleases=True):
            print(f"warning: {dist} needs {req}: have {have}")
for module in ("tinylogic.train.sft", "tinylogic.train.rl", "tinylogic.verify.math", "trl", "datasets"):
    try:
        importlib.import_module(module)
    except Exception as exc:  # the check goes on: the cases that need it will say so
        print(f"warning: import {module} failed: {type(exc).__name__}: {exc}")
EOF
  python3 "$SCRIPT" --out "$OUT_DIR" "$@"
  status=$?
  echo "gpu_check: done in $(( $(date +%s) - start )) s (exit $status)"
  exit $status
} 2>&1 | tee "$LOG"
