# Shared body of the bin/ launchers (sourced, not run). Expects TOOL, MAIN_CLASS and ROOT (the
# project folder). Runs the tool from the build output of `./mvnw -DskipTests package`:
# target/classes (or the project jar when it is current) + target/lib/*, without the GUI jars.
# HSM_CONSOLE_DATA, HSM_CONSOLE_CLUSTER, --data-dir and --cluster are read by the tool itself;
# JAVA_HOME picks the JVM, HSM_CONSOLE_JAVA_OPTS adds JVM options, HSM_CONSOLE_CDS=off disables
# the class-data-sharing archive.
target="$ROOT/target"
classes="$target/classes"
lib="$target/lib"
if [ ! -f "$classes/io/hsmconsole/app/KmuMain.class" ] || [ ! -d "$lib" ]; then
    echo "$TOOL: the build output is missing ($classes and $lib)." >&2
    echo "$TOOL: build it once with:  cd \"$ROOT\" && ./mvnw -DskipTests package" >&2
    exit 2
fi
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi

# Start-up matters: scripts start one JVM per command (the seed loop starts 30).
# - Only C1 and the serial collector: fastest for a run of a few hundred milliseconds.
# - No GUI jars (JavaFX, ControlsFX) on the class path: nothing to open or scan at start.
# - SQLite's native library from target/native (unpacked at package time) instead of an
#   extraction into the temp folder on every start.
# - A class-data-sharing archive (AppCDS, made by the first run, remade when the build changes);
#   CDS needs jars, so it is used with the project jar when that is not older than target/classes.
# JVM warnings go to stderr, never into the tool's output.
jar=$(ls "$target"/hsm-key-console-*.jar 2>/dev/null | head -n 1)
app="$classes"
if [ -n "$jar" ] && [ -z "$(find "$classes" -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
    app="$jar"
fi
cp="$app"
for j in "$lib"/*.jar; do
    case "${j##*/}" in javafx-*|controlsfx-*) ;; *) cp="$cp:$j" ;; esac
done
opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr"
native="$target/native/org/sqlite/native/$(uname -s 2>/dev/null)/$(uname -m 2>/dev/null)"
if [ -f "$native/libsqlitejdbc.so" ] || [ -f "$native/libsqlitejdbc.dylib" ]; then
    name=libsqlitejdbc.so; [ -f "$native/$name" ] || name=libsqlitejdbc.dylib
    opts="$opts -Dorg.sqlite.lib.path=$native -Dorg.sqlite.lib.name=$name"
fi
if [ "$app" = "$jar" ] && [ "${HSM_CONSOLE_CDS:-on}" != off ]; then
    jsa="$target/cds/$TOOL.jsa"
    if [ -f "$jsa" ] && [ -z "$(find "$jar" "$lib" -newer "$jsa" 2>/dev/null | head -n 1)" ]; then
        opts="$opts -XX:SharedArchiveFile=$jsa -Xshare:auto"
    elif mkdir -p "$target/cds" 2>/dev/null && [ -w "$target/cds" ]; then
        # This run records the archive; written under a private name, then moved into place whole.
        "$java" $opts -Xlog:cds*=off:stderr -XX:ArchiveClassesAtExit="$jsa.$$" ${HSM_CONSOLE_JAVA_OPTS:-} -cp "$cp" "$MAIN_CLASS" "$@"
        status=$?
        [ -f "$jsa.$$" ] && mv -f "$jsa.$$" "$jsa"
        exit $status
    fi
fi
exec "$java" $opts ${HSM_CONSOLE_JAVA_OPTS:-} -cp "$cp" "$MAIN_CLASS" "$@"
