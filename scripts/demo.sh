#!/usr/bin/env bash
# The main job on the embedded default (2 CPU cores, offline). Each step writes into runs/demo/;
# re-running skips what is already done (SFT resumes from its newest checkpoint).
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
