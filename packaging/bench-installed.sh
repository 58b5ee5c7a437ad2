#!/usr/bin/env bash
# Start-up figures of the installed product (install a .deb/.rpm first; see packaging/README.md):
#  - key_mgmt_util: wall and CPU time of the seed's singlecmd (median of N calls after one warm-up);
#  - the GUI: time from launch until its window shows the open cluster (the title names it), on its
#    own Xvfb, median of GUI_N; with an existing cluster, then once with a fresh data folder (creates
#    the demo cluster);
#  - both with three class-data-sharing setups: the installed archive (our class list), the JDK's
#    default class list (what jlink --generate-cds-archive gives) and none (-Xshare:off).
# Needs xvfb, x11-utils (xwininfo) and GNU time (/usr/bin/time). Figures vary with the machine's load: note `uptime`.
# Usage: packaging/bench-installed.sh [N [GUI_N]]   (default 10 and 5; APP=/opt/hsm-key-console)
set -euo pipefail
N=${1:-10}
GUI_N=${2:-5}
APP=${APP:-/opt/hsm-key-console}
[ -x "$APP/bin/key_mgmt_util" ] || { echo "bench: nothing installed at $APP" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: GNU time is missing (apt-get install time)" >&2; exit 2; }
WORK=$(mktemp -d)
XVFB_PID=""
trap '[ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
export HSM_CONSOLE_DATA="$WORK/data"
SEED=(singlecmd loginHSM -u CU -s example_user -p example_pwd genSymKey -l aes -t 31 -s 32 -min_srv 1 -timeout 1)

median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2] + v[NR/2+1]) / 2}'; }

# The JDK's default class list, archived as jlink would (for the comparison only).
"$APP/lib/runtime/bin/java" -Xshare:dump -XX:SharedArchiveFile="$WORK/jdk-default.jsa" -Xlog:disable >/dev/null
cds_option() { # cds_option SETUP: the JVM option that selects it
    case "$1" in
        installed) echo "-Xshare:auto" ;;
        jdk-default) echo "-XX:SharedArchiveFile=$WORK/jdk-default.jsa" ;;
        off) echo "-Xshare:off" ;;
    esac
}

# Runs "$@" N times (after a warm-up) with JAVA_TOOL_OPTIONS=$opts; prints "wall ms, cpu ms" medians.
time_runs() {
    local opts=$1; shift
    JAVA_TOOL_OPTIONS="$opts" "$@" >/dev/null 2>&1
    for _ in $(seq "$N"); do
        JAVA_TOOL_OPTIONS="$opts" /usr/bin/time -f '%e %U %S' -o "$WORK/t" "$@" >/dev/null 2>&1
        awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$WORK/t"
    done > "$WORK/runs"
    echo "wall $(cut -d' ' -f1 "$WORK/runs" | median) ms, cpu $(cut -d' ' -f2 "$WORK/runs" | median) ms"
}

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
echo "installed: $(du -sm "$APP" | cut -f1) MB in $APP"
for setup in installed jdk-default off; do
    echo "key_mgmt_util singlecmd genSymKey, CDS $setup: $(time_runs "$(cds_option $setup)" "$APP/bin/key_mgmt_util" "${SEED[@]}") (median of $N)"
done

for display in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ] || break; done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
export DISPLAY=":$display"

# One GUI start: milliseconds from launch until the window's title names the open cluster (the
# console paints first and opens the cluster beside the window), then the GUI is ended.
gui_once() { # gui_once OPTS
    local start pid t=""
    start=$(date +%s%3N)
    (JAVA_TOOL_OPTIONS="$1" exec "$APP/bin/hsm-key-console" >/dev/null 2>&1) &
    pid=$!
    while [ $(( $(date +%s%3N) - start )) -lt 120000 ] && kill -0 "$pid" 2>/dev/null; do
        if xwininfo -root -tree 2>/dev/null | grep -qE '"HSM Key Console[^"]*demo"'; then t=$(( $(date +%s%3N) - start )); break; fi
        sleep 0.1
    done
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    [ -n "$t" ] || { echo "bench: the GUI did not open the cluster within 120 s" >&2; exit 1; }
    echo "$t"
}
for setup in installed jdk-default off; do
    gui_once "$(cds_option $setup)" >/dev/null
    for _ in $(seq "$GUI_N"); do gui_once "$(cds_option $setup)"; done > "$WORK/gui"
    echo "GUI, CDS $setup: cluster open in the window $(median < "$WORK/gui") ms after launch (median of $GUI_N)"
done
export HSM_CONSOLE_DATA="$WORK/fresh"
echo "GUI, CDS installed, fresh data folder (creates the demo cluster): cluster open $(gui_once -Xshare:auto) ms after launch"
