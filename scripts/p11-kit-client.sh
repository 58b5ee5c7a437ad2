#!/usr/bin/env bash
# Builds p11-kit 0.25.5's client module (p11-kit-client.so) from Debian trixie's source, for machines
# whose packaged client is older (Debian bookworm's 0.24.1 cannot carry mechanism parameters such as
# an AES-CBC IV or CK_GCM_PARAMS: see docs/pkcs11.md). Nothing is installed system-wide: the source
# comes through a private apt configuration and the module is left in a cache folder, which later
# runs reuse (a second run prints the path at once).
#
#   scripts/p11-kit-client.sh            # prints the path of the built p11-kit-client.so
#
# Needs: meson ninja-build libffi-dev libtasn1-6-dev pkg-config xz-utils (and apt's source access).
# HSM_CONSOLE_P11KIT_CACHE chooses the cache folder (default ~/.cache/hsm-console).
set -euo pipefail

VERSION=0.25.5
DEBIAN_VERSION=0.25.5-3
CACHE="${HSM_CONSOLE_P11KIT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hsm-console}/p11-kit-$VERSION"
MODULE="$CACHE/p11-kit-client.so"

if [ -f "$MODULE" ]; then
    echo "$MODULE"
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$CACHE"

# The archive this machine's apt already uses (deb822 or one-line sources), so mirrors keep working.
archive="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -E '^(URIs:|deb )' | grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -n 1 | tr -d ' ' || true)"
archive="${archive:-http://deb.debian.org/debian}"
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $archive trixie main" > "$work/sources.list"
apt_private=(-o Dir::Etc::sourcelist="$work/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$work/lists")
apt-get "${apt_private[@]}" update -qq >&2
(cd "$work" && apt-get "${apt_private[@]}" source --download-only "p11-kit=$DEBIAN_VERSION" >&2 || true)
tarball="$work/p11-kit_$VERSION.orig.tar.xz"
if [ ! -f "$tarball" ]; then
    echo "p11-kit-client.sh: could not download p11-kit_$VERSION.orig.tar.xz from $archive (trixie sources)" >&2
    exit 1
fi

tar -C "$work" -xf "$tarball"
cd "$work/p11-kit-$VERSION"
meson setup B -Dtrust_module=disabled -Dsystemd=disabled -Dbash_completion=disabled -Dgtk_doc=false \
    -Dman=false -Dnls=false >&2
ninja -C B p11-kit/p11-kit-client.so >&2
cp B/p11-kit/p11-kit-client.so "$MODULE.part"
mv "$MODULE.part" "$MODULE"
echo "$MODULE"
