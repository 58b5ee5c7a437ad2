#!/usr/bin/env bash
# Tests the installed product, for real, on this machine (Debian or Ubuntu, as root):
#   1. builds the installers (./mvnw -Pdist -DskipTests package) unless --no-build is given;
#   2. installs the .deb with dpkg -i, then checks the installation: launchers, /usr/bin and
#      /usr/share links, the seed's key_mgmt_util loop from another folder, cloudhsm_mgmt_util,
#      data in the user's data folder and never in /opt, the client service (cloudhsm_client start, a
#      key_mgmt_util call served by it with the JVM's output, timings of both, stop), the GUI painting
#      under Xvfb and opening the cluster;
#   3. purges it and checks that nothing of it is left in /opt, /usr/bin or /usr/share;
#   4. the same for the .rpm: rpm -qpl / --requires / --scripts, then rpm -i --nodeps, checks, rpm -e.
# Needs: dpkg, fakeroot, rpm (apt-get install rpm), xvfb, xauth, x11-utils, imagemagick (import, convert-im6.q16),
# libgtk-3-0; uses desktop-file-validate and appstreamcli when they are there.
# Prints figures on the way (sizes, GUI time to first paint, singlecmd wall times) and ends with
# "N passed, N failed". Leaves its screenshots in target/install-test/.
# Usage: packaging/test-linux-install.sh [--no-build]
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd -P)

NAME=hsm-key-console
APP=/opt/$NAME
COMMANDS="hsm-key-console key_mgmt_util cloudhsm_mgmt_util cloudhsm_client cloudhsm-cli configure-cli"
ID=io.hsmconsole.HsmKeyConsole
SEED_ARGS=(singlecmd loginHSM -u CU -s example_user -p example_pwd genSymKey -l aes -t 31 -s 32 -min_srv 1 -timeout 1)
AES256_ARGS=(singlecmd loginHSM -u CU -s example_user -p example_pwd genSymKey -t 31 -s 32 -l aes256)
# Returns once all 3 demo nodes hold the key: its Cluster Error Status does not depend on timing.
ALL_NODES_ARGS=(singlecmd loginHSM -u CU -s example_user -p example_pwd genSymKey -t 31 -s 32 -l svc -min_srv 3 -timeout 20)
PAINT_LIMIT_S=${PAINT_LIMIT_S:-20}   # seconds from launch to a painted window
OUT="$ROOT/target/install-test"
IM_CONVERT=${IM_CONVERT:-convert-im6.q16}   # `convert` on PATH may be a stand-in, not ImageMagick

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "  ok   $*"; }
fail() { failed=$((failed + 1)); echo "  FAIL $*"; }
check() { # check DESCRIPTION COMMAND...: passes when the command succeeds
    local what=$1; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
die() { echo "test-linux-install: $*" >&2; exit 2; }
quietly() { local out; out=$("$@" 2>&1) || { echo "$out"; return 1; }; }
now_ms() { date +%s%3N; }
median() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2] + v[NR/2+1]) / 2}'; }

# ---------------------------------------------------------------- preconditions
[ "$(id -u)" -eq 0 ] || die "run as root: it installs and removes packages"
for tool in dpkg dpkg-deb Xvfb xwininfo import "$IM_CONVERT"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (apt-get install xvfb xauth x11-utils imagemagick)"
done
if [ "${1:-}" != "--no-build" ]; then
    for tool in fakeroot rpmbuild; do
        command -v "$tool" >/dev/null 2>&1 || die "$tool is missing, the installer build needs it (apt-get install fakeroot rpm)"
    done
fi
if dpkg -s "$NAME" >/dev/null 2>&1 || [ -e "$APP" ]; then
    die "$NAME is already installed or $APP exists; remove it first (dpkg -P $NAME / rpm -e $NAME)"
fi

WORK=$(mktemp -d)
XVFB_PID=""
GUI_PID=""
cleanup() {
    [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
rm -rf "$OUT" && mkdir -p "$OUT"

started=$(now_ms)
if [ "${1:-}" != "--no-build" ]; then
    echo "== building the installers (./mvnw -B -q -Pdist -DskipTests package)"
    ./mvnw -B -q -Pdist -DskipTests package || die "the installer build failed"
    echo "   build: $(( ($(now_ms) - started) / 1000 )) s"
fi
DEB=$(ls target/dist/${NAME}_*.deb 2>/dev/null | head -n 1)
RPM=$(ls target/dist/${NAME}-*.rpm 2>/dev/null | head -n 1)
[ -n "$DEB" ] || die "no .deb in target/dist; build it with ./mvnw -Pdist -DskipTests package"
echo "   .deb: $DEB ($(du -m "$DEB" | cut -f1) MB)"
[ -n "$RPM" ] && echo "   .rpm: $RPM ($(du -m "$RPM" | cut -f1) MB)"

# What /opt, /usr/bin and /usr/share hold before: afterwards they must hold exactly this again.
snapshot() { { ls -A /opt; find /usr/bin /usr/share/applications /usr/share/metainfo /usr/share/icons/hicolor \
    -maxdepth 3 -lname "$APP/*" 2>/dev/null; } | sort; }
snapshot > "$WORK/before.txt"

# ---------------------------------------------------------------- checks on an installed package
check_launchers() {
    for c in $COMMANDS; do
        check "$APP/bin/$c is an executable launcher" test -x "$APP/bin/$c"
        [ "$c" = key_mgmt_util ] && continue
        [ "$c" = cloudhsm-cli ] && continue
        check "/usr/bin/$c links to $APP/bin/$c" test "$(readlink "/usr/bin/$c")" = "$APP/bin/$c"
    done
    # key_mgmt_util: the script that tries the client service first (then runs $APP/bin/key_mgmt_util).
    check "/usr/bin/key_mgmt_util links to the executable $APP/lib/app/share/key_mgmt_util" \
        test "$(readlink /usr/bin/key_mgmt_util)" = "$APP/lib/app/share/key_mgmt_util" -a -x "$APP/lib/app/share/key_mgmt_util"
    check "the service's fast path script is installed next to it" test -f "$APP/lib/app/share/service-client.sh"
    check "/usr/bin/cloudhsm-cli links to the executable $APP/lib/app/share/cloudhsm-cli" \
        test "$(readlink /usr/bin/cloudhsm-cli)" = "$APP/lib/app/share/cloudhsm-cli" -a -x "$APP/lib/app/share/cloudhsm-cli"
    check "desktop entry linked into /usr/share/applications" test -f "/usr/share/applications/$ID.desktop"
    check "AppStream metainfo linked into /usr/share/metainfo" test -f "/usr/share/metainfo/$ID.metainfo.xml"
    check "icon linked into the hicolor theme (256 px)" test -f "/usr/share/icons/hicolor/256x256/apps/$ID.png"
    if command -v desktop-file-validate >/dev/null 2>&1; then
        check "desktop entry is valid (desktop-file-validate)" quietly desktop-file-validate "/usr/share/applications/$ID.desktop"
    fi
    if command -v appstreamcli >/dev/null 2>&1; then
        check "metainfo is valid (appstreamcli validate)" quietly appstreamcli validate --no-net "/usr/share/metainfo/$ID.metainfo.xml"
    fi
    check "JavaFX native libraries are in the runtime (no extraction into the user's home)" \
        test -f "$APP/lib/runtime/lib/libglassgtk3.so"
    check "SQLite native library is shipped unpacked" test -f "$APP/lib/app/native/libsqlitejdbc.so"
}

# key_mgmt_util from a folder that is not the install folder, data in a fresh temporary folder.
check_cli() { # check_cli LABEL
    local label=$1 data="$WORK/data-$1" elsewhere="$WORK/elsewhere-$1" out
    mkdir -p "$elsewhere"
    out=$(cd "$elsewhere" && HSM_CONSOLE_DATA="$data" "$APP/bin/key_mgmt_util" "${AES256_ARGS[@]}" 2>&1)
    echo "$out" > "$OUT/$label-genSymKey-aes256.txt"
    check "$label: genSymKey -l aes256 returns SUCCESS" \
        grep -qF 'Cfm3GenerateSymmetricKey returned: 0x00 : HSM Return: SUCCESS' <<<"$out"
    check "$label: genSymKey -l aes256 prints the new key handle" \
        grep -qE '^[[:space:]]*Symmetric Key Created\.  Key Handle: [0-9]+$' <<<"$out"
    check "$label: the cluster was created in HSM_CONSOLE_DATA" test -f "$data/clusters/demo/cluster.db"

    # The seed's loop with only the path changed (10 calls instead of 30), timed per call.
    local i start handles=""
    : > "$WORK/times-$label.txt"
    for i in {1..10}; do
        start=$(now_ms)
        out=$(cd "$elsewhere" && HSM_CONSOLE_DATA="$data" "$APP/bin/key_mgmt_util" "${SEED_ARGS[@]}" 2>&1)
        echo $(( $(now_ms) - start )) >> "$WORK/times-$label.txt"
        handles="$handles $(sed -n 's/.*Symmetric Key Created\.  Key Handle: \([0-9]*\)$/\1/p' <<<"$out")"
    done
    check "$label: the seed's loop created 10 keys with 10 different handles" \
        test "$(tr ' ' '\n' <<<"$handles" | grep -c .)" -eq 10 -a "$(tr ' ' '\n' <<<"$handles" | grep . | sort -u | wc -l)" -eq 10
    echo "   $label: singlecmd genSymKey through $APP/bin/key_mgmt_util: median $(median < "$WORK/times-$label.txt") ms of 10 (wall)"

    # Through the /usr/bin link and PATH, default data folder: XDG_DATA_HOME points at a temporary folder.
    out=$(cd "$elsewhere" && env -u HSM_CONSOLE_DATA XDG_DATA_HOME="$WORK/xdg-$label" PATH=/usr/bin:/bin \
        key_mgmt_util "${AES256_ARGS[@]}" 2>&1)
    check "$label: key_mgmt_util found on PATH through /usr/bin works" \
        grep -qF 'Cfm3GenerateSymmetricKey returned: 0x00 : HSM Return: SUCCESS' <<<"$out"
    check "$label: without HSM_CONSOLE_DATA the data goes to \$XDG_DATA_HOME/hsm-key-console" \
        test -f "$WORK/xdg-$label/hsm-key-console/clusters/demo/cluster.db"

    out=$(cd "$elsewhere" && printf 'listUsers\nquit\n' | HSM_CONSOLE_DATA="$data" "$APP/bin/cloudhsm_mgmt_util" 2>&1)
    echo "$out" > "$OUT/$label-cmu-listUsers.txt"
    check "$label: cloudhsm_mgmt_util lists the demo users" grep -q 'example_user' <<<"$out"

    # cloudhsm-cli through /usr/bin, single-command mode with the credentials in the environment.
    out=$(cd "$elsewhere" && HSM_CONSOLE_DATA="$data" CLOUDHSM_ROLE=crypto-user CLOUDHSM_PIN=example_user:example_pwd \
        PATH=/usr/bin:/bin cloudhsm-cli key generate-symmetric aes --label installed --key-length-bytes 32 2>&1)
    echo "$out" > "$OUT/$label-cloudhsm-cli-generate.txt"
    check "$label: cloudhsm-cli on PATH makes an AES key and answers with its JSON" \
        grep -q '"key-reference": "0x[0-9a-f]\{16\}"' <<<"$out"
    out=$(cd "$elsewhere" && HSM_CONSOLE_DATA="$data" PATH=/usr/bin:/bin cloudhsm-cli user list 2>&1)
    check "$label: cloudhsm-cli user list lists the demo users" grep -q '"username": "example_user"' <<<"$out"
    # configure-cli through /usr/bin: the data folder's key availability setting, read by cloudhsm-cli.
    out=$(cd "$elsewhere" && HSM_CONSOLE_DATA="$data" PATH=/usr/bin:/bin configure-cli --disable-key-availability-check 2>&1)
    check "$label: configure-cli on PATH turns the key availability check off for the data folder" \
        grep -q '"disable_key_availability_check": *true' "$data/cloudhsm-cli.cfg"
    out=$(cd "$elsewhere" && HSM_CONSOLE_DATA="$data" PATH=/usr/bin:/bin configure-cli --enable-key-availability-check 2>&1)
    check "$label: configure-cli on PATH turns it on again" \
        grep -q '"disable_key_availability_check": *false' "$data/cloudhsm-cli.cfg"
}

# Commands as a user types them: found on PATH through the /usr/bin links, data in the caller's $data.
usrbin() { env PATH=/usr/bin:/bin HSM_CONSOLE_DATA="$data" "$@"; }
served() { usrbin cloudhsm_client status 2>/dev/null | sed -n 's/^  calls served *//p'; }

# The client service: cloudhsm_client start, key_mgmt_util singlecmd served by it (status counts the call)
# with the same output as the JVM's, timings of both, stop; its files stay in the user's data folder.
check_service() { # check_service LABEL
    local label=$1 data="$WORK/data-$1-service" elsewhere="$WORK/elsewhere-$1" out before after fast slow code_fast code_slow i start
    mkdir -p "$elsewhere"
    # The key handle differs, and the serving node (listed first) rotates from call to call: compare the
    # lines with the handle masked, in sorted order.
    handle_masked() { sed 's/Key Handle: [0-9]*$/Key Handle: N/' | sort; }
    cd "$elsewhere" || return
    check "$label: cloudhsm_client start (through /usr/bin) starts the service" \
        quietly usrbin cloudhsm_client start
    check "$label: cloudhsm_client status says it runs" quietly usrbin cloudhsm_client status
    check "$label: the endpoint file names the installation folder" test "$(sed -n 3p "$data/service/endpoint")" = "$APP"
    # The PKCS#11 endpoint needs jdk.net (SO_PEERCRED) in the linked runtime: pkcs11-env answers only when it serves.
    check "$label: cloudhsm_client pkcs11-env names the service's PKCS#11 socket" \
        test "$(usrbin cloudhsm_client pkcs11-env 2>&1 | sed -n 1p)" = "export P11_KIT_SERVER_ADDRESS=unix:path=$data/service/pkcs11.sock"
    before=$(served)
    fast=$(usrbin key_mgmt_util "${ALL_NODES_ARGS[@]}" 2>&1); code_fast=$?
    after=$(served)
    check "$label: key_mgmt_util singlecmd genSymKey was served by the service (calls served $before -> $after)" \
        test -n "$before" -a "$after" = "$((before + 1))"
    slow=$(HSM_CONSOLE_SERVICE=off usrbin key_mgmt_util "${ALL_NODES_ARGS[@]}" 2>&1); code_slow=$?
    check "$label: HSM_CONSOLE_SERVICE=off runs the native launcher instead (calls served stays $after)" test "$(served)" = "$after"
    echo "$fast" > "$OUT/$label-service-genSymKey.txt"; echo "$slow" > "$OUT/$label-jvm-genSymKey.txt"
    check "$label: the service's output is SUCCESS with a key handle" \
        grep -qE '^[[:space:]]*Symmetric Key Created\.  Key Handle: [0-9]+$' <<<"$fast"
    check "$label: same output lines (key handle and node order aside) and exit status through the service as through the JVM" \
        test "$(handle_masked <<<"$fast")" = "$(handle_masked <<<"$slow")" -a "$code_fast" = "$code_slow"
    # Installed call through the service vs through the native launcher, interleaved, wall time.
    : > "$WORK/times-$label-service.txt"; : > "$WORK/times-$label-jvm.txt"
    for i in {1..10}; do
        start=$(now_ms); usrbin key_mgmt_util "${SEED_ARGS[@]}" >/dev/null 2>&1
        echo $(( $(now_ms) - start )) >> "$WORK/times-$label-service.txt"
        start=$(now_ms); HSM_CONSOLE_SERVICE=off usrbin key_mgmt_util "${SEED_ARGS[@]}" >/dev/null 2>&1
        echo $(( $(now_ms) - start )) >> "$WORK/times-$label-jvm.txt"
    done
    check "$label: the 10 timed calls went through the service" test "$(served)" = "$((after + 10))"
    echo "   $label: /usr/bin/key_mgmt_util singlecmd genSymKey, median of 10 (wall, interleaved):" \
        "service $(median < "$WORK/times-$label-service.txt") ms, native launcher $(median < "$WORK/times-$label-jvm.txt") ms" \
        "(load $(cut -d' ' -f1-3 /proc/loadavg))"
    local pid; pid=$(usrbin cloudhsm_client status 2>/dev/null | sed -n 's/^  pid *//p')
    check "$label: cloudhsm_client stop stops it" quietly usrbin cloudhsm_client stop
    # stop returns once the service released its lock; the process ends right after (up to 10 s here).
    for i in {1..100}; do [ -e "/proc/${pid:-0}" ] || break; sleep 0.1; done
    check "$label: the service's process (pid ${pid:-unknown}) has ended" test -n "$pid" -a ! -e "/proc/${pid:-0}"
    check "$label: cloudhsm_client status then says it is not running (exit 3)" \
        test "$(usrbin cloudhsm_client status >/dev/null 2>&1; echo $?)" = 3
    # What stays is the user's: the service's log and lock file in the data folder, nothing elsewhere
    # (check_install_folder_untouched checks the installation folder).
    check "$label: the stopped service left only its log and lock file in the data folder" \
        test "$(ls -A "$data/service" | tr '\n' ' ')" = "lock log "
    cd "$ROOT" || return
}

# A package upgrade replaces the files of the installation by renaming new ones into place, with the
# packaged (older) file times: the running service must notice (the folder's time) and refuse, so the
# call runs in the new native launcher. Simulated on one jar as dpkg does it; run after the check that
# the programs wrote nothing into the installation folder.
check_service_after_upgrade() { # check_service_after_upgrade LABEL
    local label=$1 data="$WORK/data-$1-upgrade" jar="$APP/lib/app/hsm-key-console.jar" out before
    quietly usrbin cloudhsm_client start || { fail "$label: cloudhsm_client start (before the upgrade)"; return; }
    usrbin key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd >/dev/null 2>&1
    before=$(served)
    cp -p "$jar" "$jar.dpkg-new" && mv -f "$jar.dpkg-new" "$jar"
    out=$(usrbin key_mgmt_util "${AES256_ARGS[@]}" 2>&1)
    check "$label: after an upgrade-like replacement the call still succeeds" \
        grep -qF 'Cfm3GenerateSymmetricKey returned: 0x00 : HSM Return: SUCCESS' <<<"$out"
    check "$label: ... in the native launcher: the old service refused it and stopped (it had served ${before:-none})" \
        test "$before" = 1 -a -z "$(served)"
    check "$label: cloudhsm_client start then starts a new service" quietly usrbin cloudhsm_client start
    check "$label: cloudhsm_client stop stops it" quietly usrbin cloudhsm_client stop
}

# The GUI on a fresh X server; painted = the screen is no longer black. Prints the time to paint.
check_gui() { # check_gui LABEL
    local label=$1 display mean colors start painted=""
    local shot="$OUT/$label-gui.png"
    for display in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ] || break; done
    Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$display" ] && break; sleep 0.1; done
    start=$(now_ms)
    (cd "$WORK" && DISPLAY=":$display" HSM_CONSOLE_DATA="$WORK/data-$label-gui" exec "$APP/bin/$NAME" \
        >"$OUT/$label-gui.log" 2>&1) &
    GUI_PID=$!
    while [ $(( $(now_ms) - start )) -lt $((PAINT_LIMIT_S * 1000)) ]; do
        if ! kill -0 "$GUI_PID" 2>/dev/null; then break; fi
        if import -display ":$display" -window root "$shot" 2>/dev/null; then
            read -r mean colors <<<"$("$IM_CONVERT" "$shot" -format '%[mean] %k' info: 2>/dev/null)"
            mean=${mean%%.*}
            # Not black (mean 0..65535; the empty screen is 0) and not an empty window either: a mapped
            # but unpainted window is one flat colour, the painted console has text in thousands of colours.
            if [ "${mean:-0}" -gt 2000 ] && [ "${colors:-0}" -gt 64 ]; then painted=$(( $(now_ms) - start )); break; fi
        fi
        sleep 0.5
    done
    check "$label: the GUI process is still running" kill -0 "$GUI_PID"
    if [ -n "$painted" ]; then
        pass "$label: the GUI painted its window (screen mean $mean, $colors colours) $painted ms after launch"
        # The window may paint before the cluster is open; its title names the cluster once it is.
        local opened=""
        while [ $(( $(now_ms) - start )) -lt $((2 * PAINT_LIMIT_S * 1000)) ] && kill -0 "$GUI_PID" 2>/dev/null; do
            if DISPLAY=":$display" xwininfo -root -tree 2>/dev/null | grep -qE '"HSM Key Console[^"]*demo"'; then
                opened=$(( $(now_ms) - start )); break
            fi
            sleep 0.5
        done
        if [ -n "$opened" ]; then
            pass "$label: the GUI opened the demo cluster (window title names it) $opened ms after launch"
            sleep 1
            import -display ":$display" -window root "$OUT/$label-gui-opened.png" 2>/dev/null
        else
            fail "$label: the GUI's window title never named the demo cluster"
        fi
    else
        fail "$label: the GUI did not paint within $PAINT_LIMIT_S s (last screen: mean ${mean:-none}, ${colors:-no} colours); log: $OUT/$label-gui.log"
    fi
    kill "$GUI_PID" 2>/dev/null; wait "$GUI_PID" 2>/dev/null; GUI_PID=""
    kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; XVFB_PID=""
    check "$label: the GUI's data went to HSM_CONSOLE_DATA" test -f "$WORK/data-$label-gui/clusters/demo/cluster.db"
}

check_install_folder_untouched() { # nothing may be written into /opt by running the programs
    local changed
    changed=$(find "$APP" -newer "$WORK/installed.marker" 2>/dev/null | head -n 5)
    check "$1: running the programs wrote nothing into $APP" test -z "$changed"
    [ -z "$changed" ] || echo "       changed: $changed"
}

check_removed() { # check_removed LABEL
    snapshot > "$WORK/after.txt"
    check "$1: $APP is gone" test ! -e "$APP"
    check "$1: /opt, /usr/bin and /usr/share links are as before the install" diff -u "$WORK/before.txt" "$WORK/after.txt"
}

# ---------------------------------------------------------------- .deb
echo "== .deb: dpkg -i $DEB"
if dpkg -i "$DEB" > "$OUT/dpkg-install.log" 2>&1; then
    pass "dpkg -i installed the package cleanly"
else
    fail "dpkg -i failed (see $OUT/dpkg-install.log)"; cat "$OUT/dpkg-install.log"
fi
check "dpkg reports the package installed and configured" \
    test "$(dpkg-query -W -f='${Status}' "$NAME" 2>/dev/null)" = "install ok installed"
echo "   installed size: $(du -sm "$APP" | cut -f1) MB ($APP)"
touch "$WORK/installed.marker"
sleep 1
check_launchers
check_cli deb
check_service deb
check_gui deb
check_install_folder_untouched deb
check_service_after_upgrade deb
echo "== .deb: dpkg -P $NAME"
check "dpkg -P purged the package" dpkg -P "$NAME"
check_removed deb

# ---------------------------------------------------------------- .rpm
if [ -z "$RPM" ]; then
    echo "== .rpm: none built (rpmbuild missing?), skipped"
elif ! command -v rpm >/dev/null 2>&1; then
    echo "== .rpm: rpm is not installed (apt-get install rpm), skipped"
else
    echo "== .rpm: $RPM"
    rpm -qpl "$RPM" > "$WORK/rpm-files.txt" 2>/dev/null
    for c in $COMMANDS; do
        check "rpm -qpl lists $APP/bin/$c" grep -qx "$APP/bin/$c" "$WORK/rpm-files.txt"
    done
    check "rpm -qpl lists nothing outside $APP" test -z "$(grep -v "^$APP" "$WORK/rpm-files.txt")"
    check "rpm requires gtk3" grep -qx 'gtk3' <(rpm -qp --requires "$RPM" 2>/dev/null)
    check "rpm scriptlets link and unlink the system entries" \
        test "$(rpm -qp --scripts "$RPM" 2>/dev/null | grep -c 'system-links.sh')" -eq 2
    # Debian's rpm refuses to install into a Debian system without --force-debian; --nodeps because
    # the rpm database knows none of the Debian packages that provide gtk3.
    force=""; rpm --help 2>/dev/null | grep -q -- '--force-debian' && force=--force-debian
    if rpm -i --nodeps $force "$RPM" > "$OUT/rpm-install.log" 2>&1; then
        pass "rpm -i --nodeps installed the package"
        touch "$WORK/installed.marker"
        sleep 1
        check_launchers
        check_cli rpm
        check_service rpm
        check_gui rpm
        check_install_folder_untouched rpm
        check_service_after_upgrade rpm
        check "rpm -e removed the package" rpm -e "$NAME"
        check_removed rpm
    else
        fail "rpm -i --nodeps failed (see $OUT/rpm-install.log)"; cat "$OUT/rpm-install.log"
        rpm -e "$NAME" >/dev/null 2>&1
    fi
fi

echo "   wall time of this test: $(( ($(now_ms) - started) / 1000 )) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
