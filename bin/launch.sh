# Shared body of the bin/ launchers (sourced, not run). Expects TOOL, MAIN_CLASS and ROOT (the
# project folder). Runs the tool from the build output of `./mvnw -DskipTests package`:
# target/classes + target/lib/*. HSM_CONSOLE_DATA, HSM_CONSOLE_CLUSTER, --data-dir and --cluster
# are read by the tool itself; JAVA_HOME picks the JVM, HSM_CONSOLE_JAVA_OPTS adds JVM options.
classes="$ROOT/target/classes"
lib="$ROOT/target/lib"
if [ ! -f "$classes/io/hsmconsole/app/KmuMain.class" ] || [ ! -d "$lib" ]; then
    echo "$TOOL: the build output is missing ($classes and $lib)." >&2
    echo "$TOOL: build it once with:  cd \"$ROOT\" && ./mvnw -DskipTests package" >&2
    exit 2
fi
if [ -n "$JAVA_HOME" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi
# Start-up matters (scripts start one JVM per command): C1 only and the serial collector start
# fastest for a run of a few hundred milliseconds; JVM warnings go to stderr, never into the output.
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr \
    $HSM_CONSOLE_JAVA_OPTS -cp "$classes:$lib/*" "$MAIN_CLASS" "$@"
