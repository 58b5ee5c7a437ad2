#!/usr/bin/env bash
# cloudhsm-cli per call through the client daemon, interleaved A/B on the same machine state (issue 17):
# each round makes one `bin/cloudhsm-cli key generate-symmetric aes` call in every configuration below and
# one `pkcs11-tool --keygen` on SoftHSM2, so load drifts hit every row alike. Prints per row the wall
# median, the caller's CPU per call (the bash launcher and what it starts: user+sys of the children) and
# the daemon's CPU per call (its utime+stime over the run from /proc/<pid>/stat).
#   bench/cli-per-call.sh [ROUNDS] [BEFORE_ROOT]      (WARMUP=N untimed calls per row first, default 20)
# BEFORE_ROOT: another built checkout (e.g. `git archive <commit> | tar -x -C DIR && (cd DIR && ./mvnw
# -DskipTests package)`) measured beside this one on a zero-latency and on the demo cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
after=$(pwd -P)
rounds=${1:-21}
before=${2:-}
work=$(mktemp -d)
module=${SOFTHSM2_MODULE:-$(dpkg -L libsofthsm2 | grep '/libsofthsm2\.so$' | head -n 1)}
export CLOUDHSM_ROLE=crypto-user CLOUDHSM_PIN=example_user:example_pwd
hz=$(getconf CLK_TCK)

rows=() # name root data-folder
make_cluster() { # root, data folder, latencies (ms, space separated)
    local node=0 ms
    HSM_CONSOLE_DATA="$2" HSM_CONSOLE_SERVICE=off "$1/bin/cloudhsm-cli" user list >/dev/null
    for ms in $3; do
        HSM_CONSOLE_DATA="$2" "$1/bin/key_mgmt_util" simulate node $node latency "$ms" >/dev/null
        node=$((node + 1))
    done
}
add() { # name, root, latencies, daemon options…
    local name=$1 root=$2 latencies=$3 data="$work/${#rows[@]}"
    shift 3
    make_cluster "$root" "$data" "$latencies"
    HSM_CONSOLE_DATA="$data" "$root/bin/cloudhsm_client" start "$@" >/dev/null
    rows+=("$name|$root|$data")
}
cleanup() {
    for r in "${rows[@]}"; do IFS='|' read -r _ root data <<<"$r"; HSM_CONSOLE_DATA="$data" "$root/bin/cloudhsm_client" stop >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT
if [ -n "$before" ]; then
    add "before, zero latency" "$before" "0 0 0"
    add "before, demo cluster 50/150/250 ms" "$before" "50 150 250"
    add "before, demo cluster, check off" "$before" "50 150 250" --disable-key-availability-check
fi
add "after, zero latency" "$after" "0 0 0"
add "after, demo cluster, check off" "$after" "50 150 250" --disable-key-availability-check
add "after, intra-region 5/10/15 ms" "$after" "5 10 15"
add "after, demo cluster 50/150/250 ms" "$after" "50 150 250"
mkdir -p "$work/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\n' "$work/tokens" >"$work/softhsm2.conf"
export SOFTHSM2_CONF="$work/softhsm2.conf"
softhsm2-util --init-token --free --label bench --pin 1234 --so-pin 5678 >/dev/null

daemon_cpu() { # root, data folder -> clock ticks (utime + stime) of its daemon (asked with that root's own client)
    local pid stat
    pid=$(sed -n 's/^ *pid *//p' <(HSM_CONSOLE_DATA="$2" "$1/bin/cloudhsm_client" status))
    read -r -a stat <"/proc/$pid/stat"
    echo $(( stat[13] + stat[14] ))
}
call() { # index: one timed call (ms, and the children's CPU ticks) into $work/times-<index>
    local name root data start end t0 t1
    times >"$work/t0" # in this shell: its children's CPU so far (a $(times) would be a subshell's)
    if [ "$1" = peer ]; then
        start=$EPOCHREALTIME
        pkcs11-tool --module "$module" --login --pin 1234 --keygen --key-type AES:32 --label "peer" >/dev/null 2>&1
    else
        IFS='|' read -r name root data <<<"${rows[$1]}"
        start=$EPOCHREALTIME
        "$root/bin/cloudhsm-cli" --data-dir "$data" key generate-symmetric aes --label k --key-length-bytes 32 >/dev/null
    fi
    end=$EPOCHREALTIME
    times >"$work/t1"
    t0=$(tail -n 1 "$work/t0") t1=$(tail -n 1 "$work/t1")
    echo "$(( (${end/./} - ${start/./}) / 1000 )).$(( (${end/./} - ${start/./}) % 1000 / 100 )) $t0 $t1" >>"$work/times-$1"
}
# Untimed calls first (WARMUP, default 20 per row): the daemons' compilers settle, so their CPU per call
# is the steady figure a script's loop sees.
declare -A cpu0
for w in $(seq "${WARMUP:-20}"); do for i in "${!rows[@]}"; do call "$i"; done; call peer; done
for i in "${!rows[@]}"; do IFS='|' read -r _ root data <<<"${rows[$i]}"; cpu0[$i]=$(daemon_cpu "$root" "$data"); done
rm -f "$work"/times-*
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
    for i in "${!rows[@]}"; do call "$i"; done
    call peer
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
# `times` prints the children's user and system time as XmY.YYYs (clock ticks: 10 ms steps), so the caller's
# CPU is the run's total over its calls, not a median.
child_cpu() { awk '{ split($2, a, /[ms]/); split($3, b, /[ms]/); split($4, c, /[ms]/); split($5, d, /[ms]/);
    sum += (c[1]*60 + c[2] + d[1]*60 + d[2]) - (a[1]*60 + a[2] + b[1]*60 + b[2]) } END { printf "%.1f", sum * 1000 / NR }'; }
peer=$(cut -d' ' -f1 "$work/times-peer" | median)
printf '| row | wall median (ms) | vs pkcs11-tool | caller CPU per call (ms, mean) | daemon CPU per call (ms, mean) |\n|---|---|---|---|---|\n'
for i in "${!rows[@]}"; do
    IFS='|' read -r name root data <<<"${rows[$i]}"
    wall=$(cut -d' ' -f1 "$work/times-$i" | median)
    ticks=$(( $(daemon_cpu "$root" "$data") - cpu0[$i] ))
    printf '| %s | %s | %s× | %s | %.1f |\n' "$name" "$wall" "$(awk -v a="$wall" -v b="$peer" 'BEGIN {printf "%.2f", a / b}')" \
        "$(child_cpu <"$work/times-$i")" "$(awk -v t="$ticks" -v hz="$hz" -v n="$rounds" 'BEGIN {print t * 1000 / hz / n}')"
done
printf '| pkcs11-tool --keygen, SoftHSM2 | %s | 1× | %s | - |\n' "$peer" "$(child_cpu <"$work/times-peer")"
