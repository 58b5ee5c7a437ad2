#!/usr/bin/env bash
# Regenerates packaging/jpackage/cds-classes.txt: the JDK and JavaFX classes the console loads until
# its window shows the open cluster, and the command-line tools until their answer. The -Pdist build
# archives them into the runtime's class-data-sharing archive (lib/server/classes.jsa), which saves
# the GUI about 1.2 s of CPU at start. Only classes of the runtime image are kept: the app's own classes
# cannot go into that archive (their jars' paths are checked, and the install folder differs from the
# build folder). Run it after a JavaFX or JDK upgrade, on Linux, after ./mvnw -Pdist -DskipTests package.
# Needs Xvfb and xwininfo (x11-utils).
# Usage: packaging/jpackage/make-cds-classes.sh [APP_IMAGE]   (default target/dist/hsm-key-console)
set -euo pipefail
cd "$(dirname "$0")/../.."
image=${1:-target/dist/hsm-key-console}
out=packaging/jpackage/cds-classes.txt
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -x "$image/bin/hsm-key-console" ] || { echo "no application image at $image; build it: ./mvnw -Pdist -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HSM_CONSOLE_DATA="$work/data"

record() { # record NAME COMMAND...: runs the command with the JVM writing the classes it loads to $work/NAME
    local name=$1; shift
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/$name.txt" "$@" >/dev/null 2>&1 \
        || { echo "this failed: $*" >&2; exit 1; }
}
# A first call creates the demo cluster, so that the recorded runs are the everyday ones.
"$image/bin/key_mgmt_util" singlecmd loginHSM -u CU -s example_user -p example_pwd >/dev/null
# The GUI on a private X server until its title names the open cluster; then it is ended (the JVM
# writes the list as it goes).
display=:$((90 + RANDOM % 30))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
(DISPLAY=$display JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/gui.txt" exec "$image/bin/hsm-key-console" >/dev/null 2>&1) &
gui=$!
for _ in $(seq 600); do
    DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -qE '"HSM Key Console[^"]*demo"' && break
    sleep 0.1
done
sleep 2   # the tables fill in just after the title changes
kill "$gui"; wait "$gui" 2>/dev/null || true
record kmu "$image/bin/key_mgmt_util" singlecmd loginHSM -u CU -s example_user -p example_pwd \
    genSymKey -l aes -t 31 -s 32 -min_srv 1 -timeout 1
record cmu sh -c "printf 'listUsers\nquit\n' | '$image/bin/cloudhsm_mgmt_util'"

# Every class of the runtime image, as the class list names them (java/lang/Object).
"$jdk/bin/jimage" list "$image/lib/runtime/lib/modules" | sed -n 's|^ *\(.*\)\.class$|\1|p' | sort -u > "$work/image.txt"
{
    echo "# Classes archived into the installers' runtime (see packaging/jpackage/make-cds-classes.sh)."
    cat "$work"/{gui,kmu,cmu}.txt | grep -v '^#' | awk -v image="$work/image.txt" '
        BEGIN { while ((getline c < image) > 0) known[c] = 1 }
        /^@lambda-form-invoker/ { print; next }
        /^@lambda-proxy/ { if ($2 in known) print; next }
        { if ($1 in known) print }' | sort -u
} > "$out"
echo "$out: $(grep -vc '^#' "$out") entries"
