#!/usr/bin/env bash
# Regenerates packaging/jpackage/cds-classes.txt: the JDK and JavaFX classes the console and the
# command-line tools load until their first frame / first answer. The -Pdist build archives these
# classes into the runtime's class-data-sharing archive (lib/server/classes.jsa), which makes the GUI's
# cold start about a second shorter. Only classes of the runtime image are kept: the app's own classes
# cannot go into that archive (their jars' paths are checked, and the install folder differs from the
# build folder). Run it after a JavaFX or JDK upgrade, on Linux, after ./mvnw -Pdist -DskipTests package.
# Needs xvfb-run when there is no DISPLAY.
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
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/$name.txt -Dhsmconsole.startupProbe=exit" "$@" >/dev/null 2>&1 \
        || { echo "this failed: $*" >&2; exit 1; }
}
# A first call creates the demo cluster, so that the recorded runs are the everyday ones.
"$image/bin/key_mgmt_util" singlecmd loginHSM -u CU -s example_user -p example_pwd >/dev/null
if [ -n "${DISPLAY:-}" ]; then gui=(); else gui=(xvfb-run -a -s "-screen 0 1280x800x24"); fi
record gui "${gui[@]}" "$image/bin/hsm-key-console"
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
