#!/usr/bin/env bash
# Profiles one key-generation workload with Java Flight Recorder, outside JMH.
#   bench/profile-core.sh session 20     session keys for 20 s
#   bench/profile-core.sh durable 20     durable token keys for 20 s (BENCH_DIR=/dev/shm leaves fsync out)
# Writes bench/out/<workload>.jfr and prints the 25 hottest frames (self and total) of the generating thread.
set -euo pipefail
cd "$(dirname "$0")/.."
workload="${1:?usage: bench/profile-core.sh durable|session [seconds]}"
seconds="${2:-20}"
mkdir -p bench/out
./mvnw -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
recording="bench/out/${workload}.jfr"
java ${BENCH_DIR:+-Dbench.dir="$BENCH_DIR"} \
  -XX:StartFlightRecording=settings=profile,filename="$recording" \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  io.hsmconsole.bench.ProfileLoop "$workload" "$seconds"
jfr print --events jdk.ExecutionSample,jdk.NativeMethodSample --stack-depth 64 "$recording" \
  | java -cp target/test-classes io.hsmconsole.bench.HotFrames ProfileLoop 25
