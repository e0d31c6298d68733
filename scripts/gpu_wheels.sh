#!/usr/bin/env bash
# Downloads into .whl/ the wheels that scripts/gpu_check.sh installs on the GPU machine, which has no
# network: exactly what its image lacks (the device tool's KINDS.md lists the image: Python 3.12, torch
# 2.11.0+cu130, transformers 5.17.0, accelerate 1.15.0, safetensors, tokenizers, pyarrow, pandas, rich,
# typer, pyyaml, matplotlib, sympy, ...). Run it here, from anywhere, before the device run:
#
#     bash scripts/gpu_wheels.sh
#
# Then it checks, without the GPU machine:
#   - every requirement of a carried wheel, and every dependency of tinylogic (pyproject.toml), is either
#     carried or on the image (versions checked where KINDS.md gives them; the rest gpu_check.sh checks
#     there at no cost);
#   - .whl/ stays under 40 MiB, and the working tree that the device tool sends with it under its 64 MiB
#     (an untracked, unignored virtualenv in the tree would make the run fail before it starts).
#
# Pins: the versions this repository's dev/bench environments run (trl 1.16.0 is the peer of
# BENCHMARKS.md's SFT table; it asks transformers >= 4.56.2 and ran the smoke check on transformers 5.17.0,
# the GPU image's). flash-attn is not carried: PyPI has no binary wheel of it (sdist only), so the check
# uses sdpa there. .whl/ is git-ignored (.gitignore: /.whl/).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

WHEELS=(
  trl==1.16.0                                                   # the peer: TRL's SFTTrainer
  datasets==5.2.0 dill==0.4.1 multiprocess==0.70.19             # trl needs datasets; these two it needs
  pydantic==2.14.4 pydantic-core==2.50.5 annotated-types==0.8.0 # tinylogic's config tree
  typing-inspection==0.4.5 typing-extensions==4.16.0            # pydantic asks typing-extensions >= 4.16 (image: unread)
  math-verify==0.9.0 latex2sympy2-extended==1.11.0              # tinylogic's math verifier (imported by the
  antlr4-python3-runtime==4.13.2                                #   verify package; the check's RL reward is a coin)
  bm25s==0.3.16                                                 # tinylogic's retrieval (a dependency; not run)
)

rm -rf .whl
mkdir -p .whl
# the GPU machine's interpreter, not this one's: CPython 3.12 on x86-64 manylinux
"$PYTHON" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 \
  -d .whl "${WHEELS[@]}" 2>&1 | grep -v "^WARNING: Location" || true
count=$(ls .whl/*.whl 2>/dev/null | wc -l)
if [ "$count" -ne "${#WHEELS[@]}" ]; then
  echo "gpu_wheels: expected ${#WHEELS[@]} wheels in .whl/, got $count" >&2
  exit 1
fi

"$PYTHON" - <<'EOF'
"""Requirement closure: what a carried wheel or tinylogic needs is carried or on the GPU image."""
import re
import sys
import tomllib
import zipfile
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

# KINDS.md's package list for nvidia-h200 (read there 2026-11-17), versions where it gives them.
IMAGE = """absl-py accelerate aiofiles aiohappyeyeballs aiohttp aiosignal annotated-doc anyio attrs botorch build
certifi charset-normalizer chex click cloudpickle cmake colorama contourpy coverage cuda-bindings cuda-core
cuda-pathfinder cuda-toolkit cupy-cuda13x cycler cython diffrax e3nn einops equinox etils execnet filelock
flatbuffers flax fonttools formulaic frozenlist fsspec gpytorch grpcio h11 h5py hf-xet httpcore httpx
huggingface-hub humanize hypothesis idna imageio iniconfig interface-meta jax jax-cuda13-pjrt jax-cuda13-plugin
jaxlib jaxtyping jinja2 joblib kiwisolver lazy-loader lightning lightning-utilities linear-operator lineax
llvmlite lxml markdown markdown-it-py markupsafe matplotlib mdurl meson ml-dtypes mpi4py mpmath msgpack
multidict multipledispatch mypy-extensions nanobind narwhals networkx ninja numba numba-cuda numpy numpyro
nvidia-ml-py onnx onnx-ir onnxruntime onnxscript opencv-python-headless optax opt-einsum opt-einsum-fx
optimistix orbax-checkpoint packaging pandas pathspec patsy peft pillow pip pluggy portalocker
prometheus-client propcache protobuf psutil pyarrow pybind11 py-cpuinfo pygments pyparsing pyproject-hooks
pyre-extensions pytest pytest-benchmark pytest-cov pytest-mock pytest-timeout pytest-xdist python-dateutil
pytorch-lightning pyyaml regex requests rich sacrebleu safetensors scikit-build-core scikit-image
scikit-learn scipy seaborn sentencepiece sentence-transformers setuptools shellingham simplejson six
sortedcontainers statsmodels sympy tabulate tensorboard tensorboard-data-server tensorstore threadpoolctl
tifffile tiktoken timm tokenizers toolz torch torchaudio torchdiffeq torch-geometric torchmetrics torchvision
tqdm transformers treescope triton typer typing-extensions typing-inspect urllib3 uvloop wadler-lindig
werkzeug wheel wrapt xarray xxhash yarl zipp""".split()
KNOWN = {"torch": "2.11.0", "transformers": "5.17.0", "accelerate": "1.15.0", "huggingface-hub": "1.33.0",
         "numpy": "2.5.2", "safetensors": "0.8.0", "tokenizers": "0.23.2", "triton": "3.6.0",
         "sentencepiece": "0.2.2", "jax": "0.11.2"}
image = {canonicalize_name(n) for n in IMAGE}
env = default_environment() | {"python_version": "3.12", "python_full_version": "3.12.3", "sys_platform": "linux",
                               "platform_machine": "x86_64", "implementation_name": "cpython"}

carried: dict[str, Version] = {}
needs: list[tuple[str, Requirement]] = []
for wheel in sorted(Path(".whl").glob("*.whl")):
    with zipfile.ZipFile(wheel) as z:
        meta = z.read(next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    name = canonicalize_name(re.search(r"^Name: (.+)$", meta, re.M).group(1))
    carried[name] = Version(re.search(r"^Version: (.+)$", meta, re.M).group(1))
    for line in re.findall(r"^Requires-Dist: (.+)$", meta, re.M):
        needs.append((name, Requirement(line)))
project = tomllib.loads(Path("pyproject.toml").read_text())["project"]["dependencies"]
needs += [("tinylogic", Requirement(r)) for r in project]

problems, unread = [], set()
for who, req in needs:
    if req.marker is not None and not req.marker.evaluate(env | {"extra": ""}):
        continue  # an extra's or another platform's requirement
    name = canonicalize_name(req.name)
    have = carried.get(name) or (Version(KNOWN[name]) if name in KNOWN else None)
    if name not in carried and name not in image:
        problems.append(f"{who} needs {req}: neither carried nor on the GPU image")
    elif have is not None and req.specifier and not req.specifier.contains(have, prereleases=True):
        problems.append(f"{who} needs {req}: {'carried' if name in carried else 'the image has'} {have}")
    elif have is None and req.specifier:
        unread.add(f"{req.name}{req.specifier}")
for name in carried:
    if name in image and name not in ("typing-extensions",):
        problems.append(f"{name} is carried but already on the image: drop it (two versions confuse pip)")
print(f"gpu_wheels: {len(carried)} wheels, requirements closed over the GPU image")
if unread:
    print("  versions the image list does not give (gpu_check.sh checks them there): " + ", ".join(sorted(unread)))
if problems:
    print("gpu_wheels: FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
EOF

ls -l .whl | awk 'NR > 1 {printf "  %9d  %s\n", $5, $9}'
whl_bytes=$(du -cb .whl/*.whl | tail -1 | cut -f1)
echo "gpu_wheels: .whl/ holds $count wheels, $((whl_bytes / 1024)) KiB"
if [ "$whl_bytes" -gt $((40 * 1024 * 1024)) ]; then
  echo "gpu_wheels: .whl/ is over 40 MiB: the device tool carries 64 MiB with the tree" >&2
  exit 1
fi

# What the device tool sends: tracked and untracked-but-not-ignored files, plus the carried .whl/.
tree_bytes=$(git ls-files -co --exclude-standard -z | xargs -0 du -cb 2>/dev/null | awk '$2 == "total" {s += $1} END {print s + 0}')
total=$((tree_bytes + whl_bytes))
echo "gpu_wheels: the device run would send $((total / 1024 / 1024)) MiB (tree $((tree_bytes / 1024)) KiB + .whl/)"
if [ "$total" -gt $((64 * 1024 * 1024)) ]; then
  echo "gpu_wheels: over the device tool's 64 MiB. Largest untracked, unignored top-level paths:" >&2
  git ls-files -o --exclude-standard --directory | head -50 | xargs -d '\n' du -sh 2>/dev/null | sort -rh | head -5 >&2
  echo "  (ignore them locally, e.g. echo /NAME/ >> .git/info/exclude, then run this again)" >&2
  exit 1
fi
