#!/usr/bin/env bash
# Profiles one workload with Java Flight Recorder, outside JMH.
#   bench/profile-core.sh session 20     session keys for 20 s
#   bench/profile-core.sh durable 20     durable token keys for 20 s (BENCH_DIR=/dev/shm leaves fsync out)
#   bench/profile-core.sh list 20 DIR    findKey without criteria on the cluster "bench" in DIR, made with
#     java -cp ... io.hsmconsole.bench.PopulateDir DIR 100000 (see docs/performance.md)
# Writes bench/out/<workload>.jfr and prints the 25 hottest frames (self and total) of the measured
# call (samples inside HsmSession.generateSymmetricKey or findKeys: set-up and logins left out), sampled every
# millisecond (JFR's "profile" settings with 1 ms sampling periods, in bench/out/sample-1ms.jfc).
set -euo pipefail
cd "$(dirname "$0")/.."
workload="${1:?usage: bench/profile-core.sh durable|session|list [seconds] [data dir, for list]}"
seconds="${2:-20}"
marker=HsmSession.generateSymmetricKey
[ "$workload" = list ] && marker=HsmSession.findKeys
mkdir -p bench/out
./mvnw -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
recording="bench/out/${workload}.jfr"
java_home=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
sed '/method-sampling-/s/>[0-9]* ms</>1 ms</' "$java_home/lib/jfr/profile.jfc" > bench/out/sample-1ms.jfc
java ${BENCH_DIR:+-Dbench.dir="$BENCH_DIR"} \
  -XX:StartFlightRecording=settings="$PWD/bench/out/sample-1ms.jfc",filename="$recording" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.hsmconsole.bench.ProfileLoop "$workload" "$seconds" ${3:+"$3"}
jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 300 "$recording" \
  | java -cp target/test-classes io.hsmconsole.bench.HotFrames "$marker" 25
