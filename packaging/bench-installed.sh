#!/usr/bin/env bash
# Start-up figures of the installed product (install a .deb/.rpm first; see packaging/README.md):
#  - key_mgmt_util: wall and CPU time of the seed's singlecmd (median of N calls after one warm-up);
#  - the GUI: time from JVM start to its first frame (the console's startup probe,
#    -Dhsmconsole.startupProbe=exit) and wall time of the whole process, on its own Xvfb, median of N;
#    first with an existing cluster, then once with a fresh data folder (creates the demo cluster);
#  - both with three class-data-sharing setups: the installed archive (our class list), the JDK's
#    default class list (what jlink --generate-cds-archive gives) and none (-Xshare:off).
# Needs xvfb and GNU time (/usr/bin/time). Figures vary with the machine's load: note `uptime`.
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

gui_once() { # gui_once OPTS: prints "first-frame-ms wall-ms"
    local frame
    frame=$(JAVA_TOOL_OPTIONS="$1 -Dhsmconsole.startupProbe=exit" /usr/bin/time -f '%e' -o "$WORK/t" \
        "$APP/bin/hsm-key-console" 2>/dev/null | sed -n 's/^startup: first frame laid out \([0-9]*\) ms.*/\1/p')
    echo "${frame:-0} $(awk '{printf "%d", $1 * 1000}' "$WORK/t")"
}
for setup in installed jdk-default off; do
    gui_once "$(cds_option $setup)" >/dev/null
    for _ in $(seq "$GUI_N"); do gui_once "$(cds_option $setup)"; done > "$WORK/gui"
    echo "GUI, CDS $setup: first frame $(cut -d' ' -f1 "$WORK/gui" | median) ms after JVM start, process $(cut -d' ' -f2 "$WORK/gui" | median) ms (median of $GUI_N)"
done
export HSM_CONSOLE_DATA="$WORK/fresh"
echo "GUI, CDS installed, fresh data folder (creates the demo cluster): first frame $(gui_once -Xshare:auto | cut -d' ' -f1) ms after JVM start"
