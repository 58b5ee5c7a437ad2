#!/bin/sh
# Links an installed HSM Key Console into the system, or takes the links away again:
#   system-links.sh install   commands into /usr/bin; desktop entry, AppStream metainfo and icons into /usr/share
#   system-links.sh remove    removes exactly those links
# Run by the package scripts (deb postinst/prerm, rpm %post/%preun), as root. Only links that point
# into this installation are ever replaced or removed: a file of the same name from someone else is
# left alone with a note. Nothing here may fail the installation, so errors only print a note.
app=$(cd "$(dirname "$0")/../../.." && pwd -P)
id=io.hsmconsole.HsmKeyConsole
share="$app/lib/app/share"
commands="hsm-key-console cloudhsm_mgmt_util cloudhsm_client configure-cli"
icon_sizes="16 24 32 48 64 128 256 512"

ours() { case "$(readlink "$1" 2>/dev/null)" in "$app"/*) return 0 ;; *) return 1 ;; esac; }

link() { # link TARGET NAME
    if { [ -e "$2" ] || [ -L "$2" ]; } && ! ours "$2"; then
        echo "hsm-key-console: $2 exists and is not from this package; left alone" >&2
        return 0
    fi
    mkdir -p "${2%/*}" && ln -sfn "$1" "$2" || echo "hsm-key-console: could not link $2" >&2
}

unlink() { # unlink TARGET NAME: removes NAME if it is one of our links
    if ours "$2"; then rm -f "$2"; fi
}

each_link() { # each_link ACTION: calls ACTION TARGET NAME for every link
    for c in $commands; do "$1" "$app/bin/$c" "/usr/bin/$c"; done
    # key_mgmt_util, cloudhsm-cli: the scripts that try the client service first, then run bin/<tool>.
    "$1" "$share/key_mgmt_util" /usr/bin/key_mgmt_util
    "$1" "$share/cloudhsm-cli" /usr/bin/cloudhsm-cli
    "$1" "$share/applications/$id.desktop" "/usr/share/applications/$id.desktop"
    "$1" "$share/metainfo/$id.metainfo.xml" "/usr/share/metainfo/$id.metainfo.xml"
    for s in $icon_sizes; do
        "$1" "$share/icons/hsm-key-console-$s.png" "/usr/share/icons/hicolor/${s}x$s/apps/$id.png"
    done
}

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f /usr/share/icons/hicolor/index.theme ]; then
        gtk-update-icon-cache -q -t /usr/share/icons/hicolor 2>/dev/null || true
    fi
}

case "${1:-}" in
    install) each_link link; refresh_caches ;;
    remove) each_link unlink; refresh_caches ;;
    *) echo "usage: $0 install|remove" >&2; exit 2 ;;
esac
exit 0
