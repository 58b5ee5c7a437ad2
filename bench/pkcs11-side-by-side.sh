#!/usr/bin/env bash
# The PKCS#11 rows of the side-by-side benchmark (issues 15 and 16): SoftHSM2 loaded directly beside our
# endpoint through p11-kit-client.so, the same client program on both sides, in one run, each row
# measured on both sides back to back. Prints a Markdown table of medians and ratios with the load
# average at each row (docs/performance.md, "The PKCS#11 endpoint beside SoftHSM2").
#   bench/pkcs11-side-by-side.sh                 7 calls, 5 in-process iterations of 2 s, 10,000 keys
#   bench/pkcs11-side-by-side.sh CALLS ITERATIONS SECONDS KEYS
#   bench/pkcs11-side-by-side.sh 3 2 1 200       a smoke run (about 3 minutes)
#   ROWS=empty,off,cbc,floor bench/pkcs11-side-by-side.sh 15 5 2   only these rows (names below)
#   PER_CALL_WARMUP=5 …                          untimed pkcs11-tool calls before each per-call row, on
#                                                both sides (default 0: the first calls after start count)
# Row names for ROWS (default: all): full (per call at KEYS keys, demo and intra-region cluster), empty,
# token, session, sessions1024, cbc, floor (AES-CBC through a C responder that answers from memory:
# bench/peer/p11floor.c, the most any server behind p11-kit-client.so can reach), rsa, ec, signfloor (with
# rsa or ec: the same signatures through that responder), tokensign (with rsa or ec: the same signatures
# with a token pair), near (intra-region rows), off (availability check off).
# Rows: pkcs11-tool --keygen per call (a new process each: load, C_Initialize, login, keygen) on an empty
# token and on one holding KEYS AES keys; in process (bench/peer/p11bench.c): token and session AES-256
# keygen, session keygen by 1,024 sessions of one process at once, AES-CBC encryption of 4 KiB, RSA-2048
# and P-256 session key pairs and RSA-2048 PKCS #1 / ECDSA P-256 signatures; and the same pair rows
# in the simulator's own process (JMH KeyPairBenchmark, no transport: issue 15's "in process").
# Ours runs the demo cluster (replication latencies 50/150/250 ms, chosen so that replication can be
# watched in the console) with the key availability check on, as Client SDK 5 does (a token key returns
# once two HSMs hold it), and once more with it off. The rows a create waits in are measured a second
# time on a cluster with intra-region latencies (5/10/15 ms, near_latencies: an assumption, AWS publishes no
# key synchronization time; its Availability Zones are single-digit milliseconds apart).
# AES-CBC needs p11-kit 0.25's client (scripts/p11-kit-client.sh); the other rows use Debian's.
# Needs: softhsm2 opensc gcc libc6-dev libp11-kit-dev, and builds ours (./mvnw -Pbench) itself.
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-7} iterations=${2:-5} seconds=${3:-2} keys=${4:-10000}
rows_wanted=",${ROWS:-full,empty,token,session,sessions1024,cbc,floor,rsa,ec,signfloor,tokensign,near,off},"
warmup=${PER_CALL_WARMUP:-0}
wanted() { [[ $rows_wanted == *",$1,"* ]]; }
near_latencies="5 10 15"

work="$(mktemp -d)"
ram="$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)"
ours_stop() { HSM_CONSOLE_DATA="$1" bin/cloudhsm_client stop >/dev/null 2>&1 || true; }
cleanup() {
    ours_stop "$work/data"
    ours_stop "$work/full"
    ours_stop "$work/near"
    [ -n "${floor_pid:-}" ] && kill "$floor_pid" 2>/dev/null
    rm -rf "$work" "$ram"
}
trap cleanup EXIT
./mvnw -B -q -Pbench -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt >&2
gcc -O2 -pthread -Wall -Wextra -I/usr/include/p11-kit-1 bench/peer/p11bench.c -ldl -o "$work/p11bench"
gcc -O2 -Wall -Wextra bench/peer/p11floor.c -o "$work/p11floor"
softhsm=${SOFTHSM2_MODULE:-$(dpkg -L libsofthsm2 | grep '/libsofthsm2\.so$' | head -n 1)}
newer="$(scripts/p11-kit-client.sh)"
pin=example_user:example_pwd

# SoftHSM2's tokens: an empty one, and one filled with $keys keys in RAM and copied to the work folder,
# so both sides are measured on the same disk (ours is filled on that disk, through its endpoint).
softhsm_conf() { # token folder -> a config file naming it
    printf 'directories.tokendir = %s\nobjectstore.backend = file\n' "$1" > "$1.conf"
    echo "$1.conf"
}
mkdir -p "$work/tokens" "$ram/full"
export SOFTHSM2_CONF
SOFTHSM2_CONF=$(softhsm_conf "$work/tokens")
softhsm2-util --init-token --free --label bench --pin 1234 --so-pin 5678 >/dev/null
SOFTHSM2_CONF=$(softhsm_conf "$ram/full") softhsm2-util --init-token --free --label bench --pin 1234 --so-pin 5678 >/dev/null
wanted full && SOFTHSM2_CONF="$ram/full.conf" "$work/p11bench" "$softhsm" bench 1234 populate 0 "$keys"
cp -a "$ram/full" "$work/full-tokens"
full_conf=$(softhsm_conf "$work/full-tokens")

median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
load() { cut -d' ' -f1 /proc/loadavg; }

# Milliseconds per `pkcs11-tool --keygen` call, the median of $calls (after $warmup untimed ones).
per_call() { # module pin label-prefix
    for i in $(seq "$warmup"); do
        pkcs11-tool --module "$1" --login --pin "$2" --keygen --key-type AES:32 --label "$3-warm-$i" >/dev/null 2>&1
    done
    for i in $(seq "$calls"); do
        local start end
        start=$(date +%s%N)
        pkcs11-tool --module "$1" --login --pin "$2" --keygen --key-type AES:32 --label "$3-$i" >/dev/null 2>&1
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 ))
    done | median
}
peer() { "$work/p11bench" "$softhsm" bench 1234 "$@" | median; }
ours() { "$work/p11bench" "$HSM_CONSOLE_PKCS11_MODULE" demo $pin "$@" | median; }
ours_with() { # module, p11bench arguments
    local module=$1
    shift
    "$work/p11bench" "$module" demo $pin "$@" | median
}
# JMH's KeyPairBenchmark in the simulator's own process: the median of its measured iterations (ops/s).
in_process() { # benchmark kind
    java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
        "KeyPairBenchmark.$1\$" -p kind="$2" -f 1 -wi 1 -w "${seconds}s" -i "$iterations" -r "${seconds}s" \
        | awk '/^Iteration/ {print $3}' | median
}
start_ours() { # data folder, extra start options
    local data=$1
    shift
    ours_stop "$data"
    HSM_CONSOLE_DATA="$data" bin/cloudhsm_client start "$@" >/dev/null
    eval "$(HSM_CONSOLE_DATA="$data" bin/cloudhsm_client pkcs11-env)"
}
# The cluster of a stopped daemon's data folder gets the intra-region latencies, node by node.
near_cluster() { # data folder
    local node=0 ms
    for ms in $near_latencies; do
        HSM_CONSOLE_DATA="$1" bin/key_mgmt_util simulate node $node latency "$ms" >/dev/null
        node=$((node + 1))
    done
}
near="intra-region cluster, latencies $(echo $near_latencies | sed 's/ /\//g') ms"
rows=()
row() { # name, peer figure, ours figure, unit ("time" or "rate"), load
    local ratio
    ratio=$(awk -v a="$3" -v b="$2" 'BEGIN {printf "%.2f", a / b}')
    rows+=("| $1 | $2 | $3 | $ratio × the $4 | $5 |")
}

# Ours on a second data folder, filled with $keys keys through its endpoint (availability check off,
# four connections at once), then served with the check on as the other rows.
if wanted full; then
    start_ours "$work/full" --disable-key-availability-check
    share=$(( (keys + 3) / 4 ))
    for p in 0 1 2 3; do
        from=$(( p * share )) to=$(( (p + 1) * share < keys ? (p + 1) * share : keys ))
        "$work/p11bench" "$HSM_CONSOLE_PKCS11_MODULE" demo $pin populate "$from" "$to" &
    done
    wait
    start_ours "$work/full"
    l=$(load); p=$(SOFTHSM2_CONF="$full_conf" per_call "$softhsm" 1234 peer); o=$(per_call "$HSM_CONSOLE_PKCS11_MODULE" $pin ours)
    row "pkcs11-tool --keygen per call, $keys keys in the token (ms, median of $calls)" "$p" "$o" time "$l"
    peer_full=$p
    ours_stop "$work/full"
    near_cluster "$work/full"
    start_ours "$work/full"
    l=$(load); o=$(per_call "$HSM_CONSOLE_PKCS11_MODULE" $pin near)
    row "pkcs11-tool --keygen per call, $keys keys in the token, $near (ms)" "$peer_full" "$o" time "$l"
    ours_stop "$work/full"
fi

start_ours "$work/data"
stock="$HSM_CONSOLE_PKCS11_MODULE"
peer_call="" peer_token=""
if wanted empty; then
    l=$(load); p=$(per_call "$softhsm" 1234 peer); o=$(per_call "$stock" $pin ours)
    row "pkcs11-tool --keygen per call, empty token (ms, median of $calls)" "$p" "$o" time "$l"
    peer_call=$p
fi
if wanted token; then
    l=$(load); p=$(peer keygen token "$iterations" "$seconds"); o=$(ours keygen token "$iterations" "$seconds")
    row "token AES-256 keygen in process (keys/s, median of $iterations × ${seconds} s)" "$p" "$o" rate "$l"
    peer_token=$p
fi
if wanted session; then
    l=$(load); p=$(peer keygen session "$iterations" "$seconds"); o=$(ours keygen session "$iterations" "$seconds")
    row "session AES-256 keygen in process (keys/s)" "$p" "$o" rate "$l"
fi
if wanted sessions1024; then
    l=$(load); p=$(peer keygen session "$iterations" "$seconds" 1024 2>/dev/null)
    o=$(ours keygen session "$iterations" "$seconds" 1024 2>/dev/null)
    row "session AES-256 keygen by 1,024 sessions of one process at once, one thread each; all 1,024 opened (keys/s)" "$p" "$o" rate "$l"
fi
if wanted cbc; then
    l=$(load); p=$(peer encrypt "$iterations" "$seconds"); o=$(ours_with "$newer" encrypt "$iterations" "$seconds")
    row "AES-CBC 4 KiB encrypt in process (ops/s; ours through p11-kit 0.25.5's client)" "$p" "$o" rate "$l"
    peer_cbc=$p
fi
# A responder between the client and the daemon that answers C_EncryptInit, C_Encrypt, C_SignInit and
# C_Sign from memory once the daemon has answered each (bench/peer/p11floor.c): the transport's floor.
floor_start() {
    "$work/p11floor" "$work/floor.sock" "${P11_KIT_SERVER_ADDRESS#unix:path=}" &
    floor_pid=$!
    sleep 0.2
}
floor_stop() {
    kill "$floor_pid"
    floor_pid=""
}
through_floor() { # module, p11bench arguments
    P11_KIT_SERVER_ADDRESS="unix:path=$work/floor.sock" ours_with "$@"
}
if wanted floor; then
    floor_start
    l=$(load); p=${peer_cbc:-$(peer encrypt "$iterations" "$seconds")}
    o=$(through_floor "$newer" encrypt "$iterations" "$seconds")
    row "AES-CBC 4 KiB, p11-kit 0.25.5's client to a C responder doing no work (bench/peer/p11floor.c): the transport's floor (ops/s)" "$p" "$o" rate "$l"
    floor_stop
fi
for kind in rsa ec; do
    wanted $kind || continue
    name=$([ $kind = rsa ] && echo "RSA-2048" || echo "P-256")
    l=$(load); p=$(peer genpair $kind "$iterations" "$seconds"); o=$(ours genpair $kind "$iterations" "$seconds")
    row "$name session key pairs, C_GenerateKeyPair (pairs/s)" "$p" "$o" rate "$l"
    l=$(load); j=$(in_process generatePair $kind)
    row "$name key pairs in the simulator's process, JMH (pairs/s) vs SoftHSM2 above" "$p" "$j" rate "$l"
    sig=$([ $kind = rsa ] && echo "RSA-2048 PKCS #1 v1.5 SHA-256" || echo "ECDSA P-256")
    l=$(load); p=$(peer sign $kind "$iterations" "$seconds"); o=$(ours sign $kind "$iterations" "$seconds")
    row "$sig signatures, C_SignInit + C_Sign (signatures/s)" "$p" "$o" rate "$l"
    if wanted tokensign; then
        l=$(load)
        pt=$(P11BENCH_TOKEN_PAIR=1 peer sign $kind "$iterations" "$seconds")
        ot=$(P11BENCH_TOKEN_PAIR=1 ours sign $kind "$iterations" "$seconds")
        row "$sig signatures with a token pair (CKA_TOKEN true), C_SignInit + C_Sign (signatures/s)" "$pt" "$ot" rate "$l"
    fi
    if wanted signfloor; then
        floor_start
        l=$(load); o=$(through_floor "$HSM_CONSOLE_PKCS11_MODULE" sign $kind "$iterations" "$seconds")
        row "$sig signatures, the client to a C responder doing no work (bench/peer/p11floor.c): the transport's floor (signatures/s)" "$p" "$o" rate "$l"
        floor_stop
    fi
    l=$(load); j=$(in_process sign $kind)
    row "$sig signatures in the simulator's process, JMH (signatures/s) vs SoftHSM2 above" "$p" "$j" rate "$l"
done
ours_stop "$work/data"
if wanted near; then
    near_cluster "$work/near"
    start_ours "$work/near"
    peer_call=${peer_call:-$(per_call "$softhsm" 1234 peer-near)}
    peer_token=${peer_token:-$(peer keygen token "$iterations" "$seconds")}
    l=$(load); o=$(per_call "$HSM_CONSOLE_PKCS11_MODULE" $pin near)
    row "pkcs11-tool --keygen per call, empty token, $near (ms)" "$peer_call" "$o" time "$l"
    l=$(load); o=$(ours keygen token "$iterations" "$seconds")
    row "token AES-256 keygen in process, $near (keys/s)" "$peer_token" "$o" rate "$l"
    ours_stop "$work/near"
fi
if wanted off; then
    start_ours "$work/data" --disable-key-availability-check
    # SoftHSM2 measured again right before ours: the two per-call figures of this row are back to back.
    l=$(load); p=$(per_call "$softhsm" 1234 peer-off); o=$(per_call "$stock" $pin off)
    row "pkcs11-tool --keygen per call, empty token, key availability check off (ms)" "$p" "$o" time "$l"
    peer_token=${peer_token:-$(peer keygen token "$iterations" "$seconds")}
    l=$(load); o=$(ours keygen token "$iterations" "$seconds")
    row "token AES-256 keygen in process, key availability check off (keys/s)" "$peer_token" "$o" rate "$l"
fi

echo "| row | SoftHSM2 $(dpkg-query -W -f '${Version}' softhsm2), direct | ours, p11-kit-client.so | ours / SoftHSM2 | load |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs."
