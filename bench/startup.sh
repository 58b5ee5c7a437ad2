#!/bin/sh
# Start-up benchmark: wall time per call of the seed's loop command through bin/key_mgmt_util
#   key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd genSymKey -l aes -t 31 -s 32 -min_srv 1 -timeout 1
# beside SoftHSM2's `pkcs11-tool --keygen` (an AES-256 key per call, one process per call as well).
# Prints the median of N calls (default 30) of each and the ratio. Needs the build output
# (./mvnw -DskipTests package) and Debian's softhsm2 + opensc (apt-get install softhsm2 opensc).
# Usage: bench/startup.sh [N]
set -eu
N=${1:-30}
ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
MODULE=${SOFTHSM2_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
for tool in pkcs11-tool softhsm2-util; do
    command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing; install it with: apt-get install softhsm2 opensc" >&2; exit 2; }
done
[ -f "$MODULE" ] || { echo "bench: the SoftHSM2 module $MODULE is missing (set SOFTHSM2_MODULE)" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

now_ms() { date +%s%N | cut -c1-13; }

# Median of the numbers on stdin (one per line).
median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2] + v[NR/2+1]) / 2}'; }

# Runs "$@" N times (after one warm-up run) and prints the median wall time in milliseconds.
time_calls() {
    "$@" >/dev/null 2>&1 || { echo "bench: this command failed: $*" >&2; exit 1; }
    i=0
    while [ "$i" -lt "$N" ]; do
        start=$(now_ms)
        "$@" >/dev/null 2>&1 || { echo "bench: this command failed: $*" >&2; exit 1; }
        end=$(now_ms)
        echo $((end - start))
        i=$((i + 1))
    done | median
}

# SoftHSM2: a private token directory and one token.
mkdir -p "$WORK/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$WORK/tokens" > "$WORK/softhsm2.conf"
export SOFTHSM2_CONF="$WORK/softhsm2.conf"
softhsm2-util --init-token --free --label bench --so-pin 12345678 --pin 12345678 >/dev/null
pkcs11=$(time_calls pkcs11-tool --module "$MODULE" --token-label bench --login --pin 12345678 \
    --keygen --key-type AES:32 --label aes)

# Ours: a fresh data directory (the warm-up run creates the demo cluster).
export HSM_CONSOLE_DATA="$WORK/hsm-data"
ours=$(time_calls "$ROOT/bin/key_mgmt_util" singlecmd loginHSM -u CU -s example_user -p example_pwd \
    genSymKey -l aes -t 31 -s 32 -min_srv 1 -timeout 1)

echo "calls per tool: $N (median wall time per call, one process per call)"
echo "pkcs11-tool --keygen (SoftHSM2): ${pkcs11} ms"
echo "key_mgmt_util singlecmd genSymKey: ${ours} ms"
awk -v a="$ours" -v b="$pkcs11" 'BEGIN {printf "ratio: %.1fx\n", a / b}'
