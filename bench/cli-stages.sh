#!/usr/bin/env bash
# Where a cloudhsm-cli call through the client daemon spends its time, stage by stage (issue 17): runs
# ROUNDS calls of `bin/cloudhsm-cli key generate-symmetric aes` (a token key) with bash's trace stamped by
# $EPOCHREALTIME, against a daemon started here with the key availability check off, and prints each
# stage's median over the calls. Compare stages of two checkouts in one run rather than absolute figures
# on a shared machine:
#   bench/cli-stages.sh [ROUNDS] [OTHER_ROOT]     (default 21; OTHER_ROOT: a built checkout, interleaved)
# Stages are cut at the first trace line matching each pattern below (a stage whose marks a checkout
# does not reach is left blank); "launcher start" counts from the first line bash traces.
set -euo pipefail
cd "$(dirname "$0")/.."
roots=("$(pwd -P)")
[ -z "${2:-}" ] || roots+=("$(cd "$2" && pwd -P)")
rounds=${1:-21}
work=$(mktemp -d)
export CLOUDHSM_ROLE=crypto-user CLOUDHSM_PIN=example_user:example_pwd
cleanup() {
    for i in "${!roots[@]}"; do HSM_CONSOLE_DATA="$work/$i" "${roots[$i]}/bin/cloudhsm_client" stop >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT
for i in "${!roots[@]}"; do
    HSM_CONSOLE_DATA="$work/$i" HSM_CONSOLE_SERVICE=off "${roots[$i]}/bin/cloudhsm-cli" user list >/dev/null
    HSM_CONSOLE_DATA="$work/$i" "${roots[$i]}/bin/cloudhsm_client" start --disable-key-availability-check >/dev/null
done
# name|pattern of the trace line that ends the stage
stages=(
    "launcher, to the client script|\. .*/service-client\.sh"
    "arguments, endpoint file, connect|hsm_console_port_is_ours|hsm_console_listener_is_ours"
    "listener check|read -r -t 3"
    "proof|^printf '%s"
    "request to accepted|trap - PIPE"
    "accepted to status (the command)|read -r count mode|IFS=' '"
    "answer read and printed|exit [0-9]"
)
call() { # root index, trace file
    HSM_CONSOLE_DATA="$work/$1" bash -c 'PS4="+ \$EPOCHREALTIME "; set -x; . "$0" "$@"' "${roots[$1]}/bin/cloudhsm-cli" \
        key generate-symmetric aes --label k --key-length-bytes 32 2>"$2" >/dev/null
}
for w in $(seq 10); do for i in "${!roots[@]}"; do call "$i" /dev/null; done; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
    for i in "${!roots[@]}"; do
        start=$EPOCHREALTIME
        call "$i" "$work/trace"
        end=$EPOCHREALTIME
        # one line per call: the wall time, then each stage's ms (blank when its mark is missing)
        awk -v start="$start" -v end="$end" -v spec="$(printf '%s\n' "${stages[@]}")" '
            BEGIN { n = split(spec, s, "\n"); for (k = 1; k <= n; k++) { sub(/^[^|]*\|/, "", s[k]) } }
            /^\++ [0-9]+\.[0-9]+ / { t = $2; line = $0; sub(/^\++ [0-9.]+ /, "", line)
                if (first == "") first = t
                for (k = 1; k <= n; k++) if (!(k in at) && line ~ s[k]) at[k] = t }
            END { printf "%.2f", (end - start) * 1000; prev = first
                for (k = 1; k <= n; k++) { if (k in at) { printf " %.2f", (at[k] - prev) * 1000; prev = at[k] } else printf " -" }
                print "" }' "$work/trace" >>"$work/stages-$i"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { awk -v c="$1" '$c != "-" { print $c }' | sort -n | awk '{v[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
header="| stage (median ms, traced calls) |"
rule="|---|"
for i in "${!roots[@]}"; do header="$header ${roots[$i]##*/} |"; rule="$rule---|"; done
echo "$header"; echo "$rule"
for k in "${!stages[@]}"; do
    row="| ${stages[$k]%%|*} |"
    for i in "${!roots[@]}"; do row="$row $(median $((k + 2)) <"$work/stages-$i") |"; done
    echo "$row"
done
row="| whole call, traced (wall) |"
for i in "${!roots[@]}"; do row="$row $(median 1 <"$work/stages-$i") |"; done
echo "$row"
