#!/usr/bin/env bash
# The PKCS#11 rows of the side-by-side benchmark (issue 16): SoftHSM2 loaded directly beside our
# endpoint through p11-kit-client.so, the same client program on both sides, in one run. Prints a
# Markdown table of medians and ratios with the load average (docs/performance.md, "PKCS#11").
#   bench/pkcs11-side-by-side.sh                 7 pkcs11-tool calls and 5 in-process iterations of 2 s
#   bench/pkcs11-side-by-side.sh CALLS ITERATIONS SECONDS
# Rows: pkcs11-tool --keygen per call (a new process each: load, C_Initialize, login, keygen); in
# process (bench/peer/p11bench.c): token and session AES-256 keygen, AES-CBC encryption of 4 KiB.
# Ours runs the demo cluster (replication latencies 50/150/250 ms) with the key availability check on,
# as Client SDK 5 does (a token key returns once two HSMs hold it), and once more with it off.
# AES-CBC needs p11-kit 0.25's client (scripts/p11-kit-client.sh); the other rows use Debian's.
# Needs: softhsm2 opensc gcc libc6-dev libp11-kit-dev, a built tree (./mvnw -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-7} iterations=${2:-5} seconds=${3:-2}

work="$(mktemp -d)"
cleanup() {
    HSM_CONSOLE_DATA="$work/data" bin/cloudhsm_client stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
gcc -O2 -pthread -Wall -Wextra -I/usr/include/p11-kit-1 bench/peer/p11bench.c -ldl -o "$work/p11bench"
softhsm=${SOFTHSM2_MODULE:-$(dpkg -L libsofthsm2 | grep '/libsofthsm2\.so$' | head -n 1)}
newer="$(scripts/p11-kit-client.sh)"

# SoftHSM2 on its own token folder in the work folder.
mkdir -p "$work/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\n' "$work/tokens" > "$work/softhsm2.conf"
export SOFTHSM2_CONF="$work/softhsm2.conf"
softhsm2-util --init-token --free --label bench --pin 1234 --so-pin 5678 >/dev/null

median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# Milliseconds per `pkcs11-tool --keygen` call, the median of $calls.
per_call() { # module pin label-prefix
    for i in $(seq "$calls"); do
        local start end
        start=$(date +%s%N)
        pkcs11-tool --module "$1" --login --pin "$2" --keygen --key-type AES:32 --label "$3-$i" >/dev/null 2>&1
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 ))
    done | median
}
inproc() { # module token pin mode args...
    "$work/p11bench" "$@" | median
}
start_ours() { # extra start options
    HSM_CONSOLE_DATA="$work/data" bin/cloudhsm_client stop >/dev/null 2>&1 || true
    HSM_CONSOLE_DATA="$work/data" bin/cloudhsm_client start "$@" >/dev/null
    eval "$(HSM_CONSOLE_DATA="$work/data" bin/cloudhsm_client pkcs11-env)"
}

pin=example_user:example_pwd
start_ours
stock="$HSM_CONSOLE_PKCS11_MODULE"
peer_call=$(per_call "$softhsm" 1234 peer)
ours_call=$(per_call "$stock" $pin ours)
peer_token=$(inproc "$softhsm" bench 1234 keygen token "$iterations" "$seconds")
ours_token=$(inproc "$stock" demo $pin keygen token "$iterations" "$seconds")
peer_session=$(inproc "$softhsm" bench 1234 keygen session "$iterations" "$seconds")
ours_session=$(inproc "$stock" demo $pin keygen session "$iterations" "$seconds")
peer_cbc=$(inproc "$softhsm" bench 1234 encrypt "$iterations" "$seconds")
ours_cbc=$(inproc "$newer" demo $pin encrypt "$iterations" "$seconds")
start_ours --disable-key-availability-check
ours_call_off=$(per_call "$stock" $pin off)
ours_token_off=$(inproc "$stock" demo $pin keygen token "$iterations" "$seconds")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
cat <<TABLE
| row | SoftHSM2 $(dpkg-query -W -f '${Version}' softhsm2), direct | ours, p11-kit-client.so | ours / SoftHSM2 |
|---|---|---|---|
| pkcs11-tool --keygen per call (ms, median of $calls) | $peer_call | $ours_call | $(ratio "$ours_call" "$peer_call") × the time |
| same, key availability check off | $peer_call | $ours_call_off | $(ratio "$ours_call_off" "$peer_call") × the time |
| token AES-256 keygen in process (keys/s, median of $iterations × ${seconds} s) | $peer_token | $ours_token | $(ratio "$ours_token" "$peer_token") × the rate |
| same, key availability check off | $peer_token | $ours_token_off | $(ratio "$ours_token_off" "$peer_token") × the rate |
| session AES-256 keygen in process (keys/s) | $peer_session | $ours_session | $(ratio "$ours_session" "$peer_session") × the rate |
| AES-CBC 4 KiB encrypt in process (ops/s; ours through p11-kit 0.25.5's client) | $peer_cbc | $ours_cbc | $(ratio "$ours_cbc" "$peer_cbc") × the rate |

Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs.
TABLE
