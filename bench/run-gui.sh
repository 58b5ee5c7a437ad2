#!/usr/bin/env bash
# Runs the desktop console's benchmark (issue 4) and prints its figures table:
# cold start to first frame, filter keystroke -> table updated and heap/RSS with 100,000 keys.
#   bench/run-gui.sh                       100,000 keys, 5 cold starts of each kind
#   bench/run-gui.sh --keys 20000 --runs 3 a quicker run
#   bench/run-gui.sh --keep                keep the populated data folder; --data DIR reuses one
# Needs a display; without one it runs under Xvfb (apt-get install -y xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
args="${*:---keys 100000}"
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1280x800x24" ./mvnw -B -q -Pbench -DskipTests test-compile exec:exec@gui-bench \
        "-Dbench.args=$args"
fi
exec ./mvnw -B -q -Pbench -DskipTests test-compile exec:exec@gui-bench "-Dbench.args=$args"
