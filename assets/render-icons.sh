#!/bin/sh
# Renders every icon from assets/logo.svg. The results are committed, so a build never needs these tools;
# run this only after changing the logo. Needs rsvg-convert (librsvg2-bin), ImageMagick 6
# (convert-im6.q16: `convert` on PATH may be something else) and png2icns (icnsutils).
set -eu
cd "$(dirname "$0")/.."
svg=assets/logo.svg
out=assets/icons
mkdir -p "$out"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$out/hsm-key-console-$size.png"
done
# Windows: one .ico holding the sizes Explorer and the taskbar ask for.
convert-im6.q16 $(for s in 16 24 32 48 64 256; do echo "$out/hsm-key-console-$s.png"; done) \
    packaging/windows/hsm-key-console.ico
# macOS: png2icns takes the sizes it knows (16, 32, 48, 128, 256, 512).
png2icns packaging/macos/hsm-key-console.icns \
    $(for s in 16 32 48 128 256 512; do echo "$out/hsm-key-console-$s.png"; done) >/dev/null
