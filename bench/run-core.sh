#!/usr/bin/env bash
# Runs the simulator core's benchmark (issue 2) and prints the figures table.
#   bench/run-core.sh              full run (a few minutes on 2 cores)
#   bench/run-core.sh --quick      short iterations, for a smoke test
#   bench/run-core.sh --jfr        also records a JFR profile per benchmark in bench/out/jfr/
#   bench/run-core.sh --only Durable
#   bench/run-core.sh --dir PATH   measure another disk than the temporary folder's
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -Pbench -DskipTests test-compile exec:exec@core-bench "-Dbench.args=${*:---full}"
