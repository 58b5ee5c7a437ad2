#!/usr/bin/env bash
# Issue 18's team-mode benchmark, one run: a throw-away PostgreSQL server (durable: fsync on, Debian's
# defaults) in a temporary folder; pgbench's own insert/commit rate on it with 1 and 4 clients; our
# durable token keygen on it with 1 and 4 sessions beside the same on SQLite; list-all and
# find-by-label at 100,000 keys in process; the same two as key_mgmt_util calls through the client
# daemon (bin/cloudhsm_client start --store …). Prints medians and the load average (the machine is
# shared); docs/performance.md, "Team mode (PostgreSQL)", keeps the figures.
#   bench/team.sh                  100,000 keys, 5 rounds of 5 s per keygen figure
#   bench/team.sh --keys 10000     a quicker run
#   bench/team.sh --keygen-only    pgbench and the keygen figures only (no 100,000 keys, no CLI calls)
#   bench/team.sh --profile        what one durable keygen costs the server: statements and commits per
#                                  key, 1 and 4 sessions (pg_stat_statements, preloaded for this run), the
#                                  server's and the client's CPU per key (/proc) and WAL bytes per key
#   bench/team.sh --profile --against DIR [ROUNDS]
#                                  the same, ROUNDS times (default 3) in turn with an older checkout in DIR
#                                  (built first with: ./mvnw -Pbench -DskipTests package dependency:build-classpath
#                                  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt), on one
#                                  server: on a shared machine, old and new side by side at the same load
# Needs Debian's postgresql (initdb, pg_ctl, pgbench); installs it with apt-get (sudo unless root).
set -euo pipefail
cd "$(dirname "$0")/.."
keys=100000
keygen_only=false
profile=false
[ "${1-}" = --keys ] && keys=$2
[ "${1-}" = --keygen-only ] && keygen_only=true
against=""
rounds=1
[ "${1-}" = --profile ] && profile=true
if $profile && [ "${2-}" = --against ]; then
    against=$(cd "$3" && pwd)
    rounds=${4-3}
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x /usr/bin/pgbench ]; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

work=$(mktemp -d /tmp/hsm-team-bench.XXXXXX)
# PostgreSQL refuses to run as root: then the server runs as Debian's postgres account.
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$password" >"$work/pw" && { [ "$(id -u)" -ne 0 ] || chown postgres "$work/pw"; }
stop() {
    run_pg "$bin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
    bin/cloudhsm_client --data-dir "$work/java/populated" stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop EXIT
run_pg "$bin/initdb" -D "$work/data" -A md5 --pwfile="$work/pw" -U hsm -E UTF8 >/dev/null
preload=""
$profile && preload="-c shared_preload_libraries=pg_stat_statements"
run_pg "$bin/pg_ctl" -D "$work/data" -o "-p $port -k $work -c listen_addresses=127.0.0.1 $preload" -l "$work/log" -w start >/dev/null
url="postgresql://hsm:$password@127.0.0.1:$port/postgres"
export PGPASSWORD=$password

nice -n 10 ./mvnw -B -q -Pbench -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
echo "team bench: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, $keys keys"
echo "team bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if $profile; then
    for round in $(seq "$rounds"); do
        for side in $against "$PWD"; do
            for sessions in 1 4; do
                echo "team bench: profile of $side, round $round, $sessions sessions, load $(cut -d' ' -f1 /proc/loadavg)"
                (cd "$side" && java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
                    io.hsmconsole.bench.TeamKeygenProfile --url "$url" --dir "$work/profile-$round-$sessions-${side//\//_}" \
                    --sessions "$sessions")
            done
        done
    done
    echo "team bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi

# pgbench's own rate: one row inserted and committed per transaction, as our keygen commits one key.
psql() { "$bin/psql" -h 127.0.0.1 -p "$port" -U hsm -d postgres -qAt "$@"; }
psql -c "CREATE TABLE bench_insert (id BIGSERIAL PRIMARY KEY, label TEXT NOT NULL, material BYTEA NOT NULL)"
printf '%s\n' "INSERT INTO bench_insert (label, material) VALUES ('k', decode(md5(random()::text), 'hex'));" \
    >"$work/insert.sql"
for clients in 1 4; do
    rates=()
    for _ in 1 2 3 4 5; do
        rates+=("$(/usr/bin/pgbench -h 127.0.0.1 -p "$port" -U hsm -n -c "$clients" -j "$clients" -T 5 \
            -f "$work/insert.sql" postgres 2>/dev/null | awk '/^tps = /{print $3}')")
    done
    median=$(printf '%s\n' "${rates[@]}" | sort -g | sed -n 3p)
    printf 'pgbench insert+commit %s\t%.1f\n' "$clients" "$median"
done

mkdir -p "$work/java"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.hsmconsole.bench.TeamBench \
    --url "$url" --dir "$work/java" --keys "$keys" --keygen-only "$keygen_only" | tee "$work/ours.txt"
if $keygen_only; then
    echo "team bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi
populated=$(awk -F'\t' '/^populated/{print $2}' "$work/ours.txt")

# key_mgmt_util calls through the client daemon on the populated cluster (median of 11 calls each).
export HSM_CONSOLE_DATA=$populated HSM_CONSOLE_CLUSTER=bench HSM_CONSOLE_STORE=$url
bin/cloudhsm_client start >/dev/null
median_of_11() {
    local times=() start end
    for _ in $(seq 11); do
        start=$(date +%s%N)
        "$@" >"$work/cli.out"
        end=$(date +%s%N)
        times+=("$(( (end - start) / 1000000 ))")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 6p
}
cli_median() { median_of_11 bin/key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd "$@"; }
printf 'daemon findKey (list-all) ms\t%s\n' "$(cli_median findKey)"
grep -q "Total number of keys present $keys" "$work/cli.out" || { echo "team bench: findKey did not list $keys keys" >&2; exit 1; }
printf 'daemon findKey -l ms\t%s\n' "$(cli_median findKey -l "bench-$((keys / 2))")"
grep -q "Total number of keys present 1" "$work/cli.out" || { echo "team bench: findKey -l did not find its key" >&2; exit 1; }
# The CloudHSM CLI's key list through the same daemon: the first page of every key, and a label filter.
export CLOUDHSM_ROLE=crypto-user CLOUDHSM_PIN=example_user:example_pwd
printf 'daemon cloudhsm-cli key list ms\t%s\n' "$(median_of_11 bin/cloudhsm-cli key list)"
grep -q "\"total_key_count\": $keys" "$work/cli.out" || { echo "team bench: key list did not count $keys keys" >&2; exit 1; }
printf 'daemon cloudhsm-cli key list --filter attr.label ms\t%s\n' \
    "$(median_of_11 bin/cloudhsm-cli key list --filter "attr.label=bench-$((keys / 2))")"
grep -q '"total_key_count": 1' "$work/cli.out" || { echo "team bench: key list --filter found not one key" >&2; exit 1; }
bin/cloudhsm_client stop >/dev/null
echo "team bench: the daemon's log: $(grep -c . "$populated/service/log") lines, $(grep -o 'stopped after [0-9]* calls' "$populated/service/log")"
echo "team bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
