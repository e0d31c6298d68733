#!/usr/bin/env bash
# The main job on the embedded default (2 CPU cores, offline): the whole recipe, every stage, from
# recipes/demo.yaml into runs/demo/ (report: runs/demo/report.html). Re-running resumes; extra
# arguments go to `tinylogic run`, e.g. bash scripts/demo.sh --set sft.epochs=1.
set -euo pipefail
cd "$(dirname "$0")/.."
exec tinylogic run recipes/demo.yaml "$@"
