#!/usr/bin/env bash
# The main job on the embedded default (2 CPU cores, offline): synthesise and decontaminate the suite,
# build the tiny model, stage-1 SFT, then held-out Pass@1 / Pass@4 per subdomain. Everything goes to
# runs/demo/; re-running skips finished steps (SFT resumes from its newest checkpoint, eval keeps
# every scored sample).
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=runs/demo
RECIPE=recipes/demo.yaml
mkdir -p "$RUN"

[ -f "$RUN/suite.jsonl" ] || tinylogic data synth --recipe "$RECIPE" --out "$RUN/suite.jsonl"
[ -f "$RUN/train.jsonl" ] || tinylogic data decontam --recipe "$RECIPE" --train "$RUN/suite.jsonl" --out "$RUN/train.jsonl"
tinylogic data inspect "$RUN/train.jsonl"
[ -f "$RUN/model/config.json" ] || tinylogic model init --out "$RUN/model" --size tiny
tinylogic sft --recipe "$RECIPE" --model "$RUN/model" --data "$RUN/train.jsonl" --out "$RUN/sft"
tinylogic eval --model "$RUN/sft/final" --bench "$RUN/train.jsonl" --split heldout --n 4 --k 1,4 \
  --max-new-tokens 160 --out "$RUN/eval-sft"
