# Shared body of the bin/ launchers (sourced, not run). Expects TOOL, MAIN_CLASS, ROOT (the
# project folder) and TRAINING_ARGS / TRAINING_INPUT (the run that records the CDS archive). Runs the tool from the build output of `./mvnw -DskipTests package`:
# target/classes (or the project jar when it is current) + target/lib/*, without the GUI jars.
# HSM_CONSOLE_DATA, HSM_CONSOLE_CLUSTER, --data-dir and --cluster are read by the tool itself;
# JAVA_HOME picks the JVM, HSM_CONSOLE_JAVA_OPTS adds JVM options, HSM_CONSOLE_CDS=off disables
# the class-data-sharing archive.
#
# The start-up fast path's launcher tricks all live in this file, each kept by a measurement in
# docs/performance.md ("Start-up fast path: what stays and why"; a singlecmd genSymKey call, interleaved
# A/B, CPU per call is the steady figure on this shared machine):
# - the AppCDS archive (target/cds/<tool>.jsa): without it a call takes about 150 ms more CPU;
# - BouncyCastle from target/lib-unsigned (unsigned copies, src/build/UnsignedJars.java): with the
#   signed jars a call takes about 150 ms more CPU (verification, and CDS cannot archive them);
# - the cached class path and options (target/cds/<tool>.launch): one `find` instead of two and uname;
# - C1 only, the serial collector, no perf data, SQLite's native library unpacked at package time.
# The other half of the fast path, no JVM at all, is the client daemon: bin/service-client.sh (sourced
# by bin/key_mgmt_util before this file) and service.ClientService. javac's -XDstringConcat=inline
# (pom.xml) belongs to the same list: without it a call takes about 45 ms more CPU.
target="$ROOT/target"
classes="$target/classes"
lib="$target/lib"
if [ ! -f "$classes/io/hsmconsole/app/KmuMain.class" ] || [ ! -d "$lib" ]; then
    echo "$TOOL: the build output is missing ($classes and $lib)." >&2
    echo "$TOOL: build it once with:  cd \"$ROOT\" && ./mvnw -DskipTests package" >&2
    exit 2
fi
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; else java=java; fi

# Fast path: the class path and options the last start chose (target/cds/<tool>.launch, written
# below once the CDS archive exists), while nothing they were chosen from has changed since: one
# `find` instead of the checks below (two finds and uname; every process costs wall time on a
# busy machine, where a script loop's calls queue for a CPU).
launch="$target/cds/$TOOL.launch"
if [ -f "$launch" ] && [ "${HSM_CONSOLE_CDS:-on}" != off ] \
        && [ -z "$(find "$classes" "$lib" "$target/lib-unsigned" "$target/native" "$target"/hsm-key-console-*.jar \
            "$ROOT/bin" "$target/cds/$TOOL.jsa" -newer "$launch" -print -quit 2>&1)" ]; then
    . "$launch"
    # Only where it was written: a copied or moved project has its own target/ to read.
    [ "$cached_root" = "$ROOT" ] && exec "$java" $opts ${HSM_CONSOLE_JAVA_OPTS:-} -cp "$cp" "$MAIN_CLASS" "$@"
fi

# Start-up matters: scripts start one JVM per command (the seed loop starts 30).
# - Only C1 (one compiler thread) and the serial collector, no perf-data file: fastest for a run
#   of a few hundred milliseconds, and kind to a busy machine.
# - No GUI jars (JavaFX, ControlsFX) on the class path: nothing to open or scan at start.
# - SQLite's native library from target/native (unpacked at package time) instead of an
#   extraction into the temp folder on every start.
# - A class-data-sharing archive (AppCDS, made by the first run, remade when the build changes);
#   CDS needs jars, so it is used with the project jar when that is not older than target/classes.
# JVM warnings go to stderr, never into the tool's output.
# (Few processes: every fork is paid on every call of a script's loop.)
jar=
for candidate in "$target"/hsm-key-console-*.jar; do [ -f "$candidate" ] && jar="$candidate" && break; done
app="$classes"
if [ -n "$jar" ] && [ -z "$(find "$classes" -type f -newer "$jar" -print -quit 2>/dev/null)" ]; then
    app="$jar"
fi
# BouncyCastle comes from target/lib-unsigned (copies made at package time without the jar
# signatures): verifying the signed jars costs a few hundred ms per start and keeps their classes
# out of the CDS archive. The signed originals stay in target/lib for everything else.
unsigned="$target/lib-unsigned"
cp="$app"
for j in "$lib"/*.jar; do
    name="${j##*/}"
    case "$name" in
        javafx-*|controlsfx-*) ;;
        bc*) if [ -f "$unsigned/$name" ]; then cp="$cp:$unsigned/$name"; else cp="$cp:$j"; fi ;;
        *) cp="$cp:$j" ;;
    esac
done
opts="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr"
system=$(uname -s -m 2>/dev/null)
native="$target/native/org/sqlite/native/${system% *}/${system#* }"
if [ -f "$native/libsqlitejdbc.so" ] || [ -f "$native/libsqlitejdbc.dylib" ]; then
    name=libsqlitejdbc.so; [ -f "$native/$name" ] || name=libsqlitejdbc.dylib
    opts="$opts -Dorg.sqlite.lib.path=$native -Dorg.sqlite.lib.name=$name"
fi
if [ "$app" = "$jar" ] && [ "${HSM_CONSOLE_CDS:-on}" != off ]; then
    jsa="$target/cds/$TOOL.jsa"
    if { [ ! -f "$jsa" ] || [ -n "$(find "$jar" "$lib" "$unsigned" -newer "$jsa" -print -quit 2>/dev/null)" ]; } \
            && mkdir -p "$target/cds" 2>/dev/null && [ -w "$target/cds" ]; then
        # Record the archive once per build with a training run of the tool's typical work
        # (TRAINING_ARGS / TRAINING_INPUT: the seed's login + genSymKey) on a scratch cluster, so it
        # holds what scripts load, whatever command happens to run first. Written under a private
        # name, then moved into place whole; the user's command runs next, with the archive.
        # Always on the local SQLite store: a team's shared server (HSM_CONSOLE_STORE) must not get its cluster.
        training="$target/cds/training.$$"
        printf "${TRAINING_INPUT:-}" | HSM_CONSOLE_DATA="$training" HSM_CONSOLE_CLUSTER= HSM_CONSOLE_STORE= "$java" $opts \
            -Xlog:cds*=off:stderr -XX:ArchiveClassesAtExit="$jsa.$$" -cp "$cp" "$MAIN_CLASS" $TRAINING_ARGS >/dev/null 2>&1
        rm -rf "$training"
        [ -f "$jsa.$$" ] && mv -f "$jsa.$$" "$jsa"
    fi
    if [ -f "$jsa" ]; then
        opts="$opts -XX:SharedArchiveFile=$jsa -Xshare:auto"
        # Remember the choices for the fast path above (written whole under a private name first).
        quoted() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
        printf 'cached_root=%s\ncp=%s\nopts=%s\n' "$(quoted "$ROOT")" "$(quoted "$cp")" "$(quoted "$opts")" \
            > "$launch.$$" 2>/dev/null \
            && mv -f "$launch.$$" "$launch"
    fi
fi
exec "$java" $opts ${HSM_CONSOLE_JAVA_OPTS:-} -cp "$cp" "$MAIN_CLASS" "$@"
