#!/bin/bash
# A shrunk copy of recipes/smollm2-135m.yaml, run in one process and then under
# `accelerate launch --num_processes 2` (gloo on CPU), same seeds: BENCHMARKS.md compares the two.
# Needs the imported model in models/smollm2-135m (see the recipe's header). Outputs in runs/shrunk-*.
set -euo pipefail
SETS=(--set data.suite_size=400 --set sft.epochs=0.05 --set sft.save_every=2
      --set spectrum.probe_problems=8 --set spectrum.hard_max_problems=8 --set sft.hard_rollouts=2
      --set spectrum.save_every_stage2=1 --set spectrum.max_new_tokens=96
      --set rl.steps=2 --set rl.prompts_per_step=2 --set rl.group_size=4 --set rl.filter_max_prompts=4
      --set rl.max_new_tokens=96 --set "rl.phases=[{name: math, domains: [math]}]"
      --set eval.max_problems=16 --set eval.n=2 --set "eval.ks=[1,2]" --set eval.max_new_tokens=96 --set tts.k=2)
tinylogic run recipes/smollm2-135m.yaml "${SETS[@]}" --set name=shrunk-1proc
accelerate launch --num_processes 2 --num_machines 1 --mixed_precision no --dynamo_backend no \
    "$(which tinylogic)" run recipes/smollm2-135m.yaml "${SETS[@]}" --set name=shrunk-2proc
