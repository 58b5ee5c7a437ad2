#!/usr/bin/env bash
# Issue 8's side-by-side benchmark: our simulator beside SoftHSM2 + OpenSC's pkcs11-tool, in one run
# on the same disk, and this disk's fsync rate. Prints a table of medians, ratios and goals, and
# writes it to bench/out/side-by-side.md (see docs/performance.md).
#   bench/side-by-side.sh                  full run: 10,000 and 100,000 keys
#   bench/side-by-side.sh --quick          1,000 and 10,000 keys, short iterations (a few minutes)
#   bench/side-by-side.sh --only durable,session,cli     some of: fsync durable session cli find list
#   bench/side-by-side.sh --only cli --calls 30          CLI keygen calls per tool (default 21; 7 quick)
#   bench/side-by-side.sh --jfr            also a JFR profile of each of our JMH forks (bench/out/jfr/)
#   bench/side-by-side.sh --dir PATH       measure another disk than the temporary folder's
#   bench/side-by-side.sh --fresh-peer     populate SoftHSM2's tokens again (else bench/out/peer-cache/)
# Installs what it needs from Debian (softhsm2, opensc, gcc, libp11-kit-dev), with sudo unless root.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages="softhsm2 opensc gcc libc6-dev libp11-kit-dev"
missing=
for p in $packages; do
    dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "bench: installing$missing from Debian"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    # shellcheck disable=SC2086
    as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
module=${SOFTHSM2_MODULE:-$(dpkg -L libsofthsm2 | grep '/libsofthsm2\.so$' | head -n 1)}
[ -f "$module" ] || { echo "bench: SoftHSM2's PKCS#11 module is missing (set SOFTHSM2_MODULE)" >&2; exit 2; }
peer_name="SoftHSM2 $(dpkg-query -W -f '${Version}' softhsm2) (file store) + OpenSC $(dpkg-query -W -f '${Version}' opensc)"

# The peer's in-process driver (bench/peer/p11bench.c) and our build: the launchers' output
# (bin/key_mgmt_util runs from target/) plus the JMH benchmarks of the bench profile.
mkdir -p target/bench-peer
gcc -O2 -pthread -Wall -Wextra -I/usr/include/p11-kit-1 bench/peer/p11bench.c -ldl -o target/bench-peer/p11bench
nice -n 10 ./mvnw -B -q -Pbench -DskipTests package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
echo "bench: load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.hsmconsole.bench.SideBySide \
    --p11bench target/bench-peer/p11bench --module "$module" --peer-name "$peer_name" "$@"
