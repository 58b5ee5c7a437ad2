#!/usr/bin/env bash
# Screenshots of the cluster, users and audit screens, each in a real window under Xvfb (the quorum
# approval window is shot in the real flow by src/test/java/io/hsmconsole/app/ScreenshotTour.java).
# Usage: scripts/view-screenshots.sh [scenario...] [--dark]    (default: every scenario)
# Needs: xvfb, libgtk-3-0, imagemagick (toolchain.md §2). Writes assets/screenshots/<scenario>.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out=assets/screenshots
mkdir -p "$out"
theme=""
scenarios=()
for a in "$@"; do
  if [ "$a" = "--dark" ]; then theme=dark; else scenarios+=("$a"); fi
done
[ ${#scenarios[@]} -gt 0 ] || scenarios=(cluster-healthy cluster-offline cluster-tampered cluster-availability cluster-availability-900x600 keylist-availability users audit)

./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
im=$(command -v convert-im6.q16 || command -v convert)

for s in "${scenarios[@]}"; do
  marker=$(mktemp -u)
  name=$s${theme:+-$theme}
  xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    java -Dprism.order=sw -cp "$1" io.hsmconsole.ui.ViewsShowcase\$Main "$2" "$3" "$4" &
    pid=$!
    for i in $(seq 1 120); do
      kill -0 $pid 2>/dev/null || { echo "the showcase ended early" >&2; exit 1; }
      if [ -f "$3" ]; then
        import -window root -crop "$(cat "$3")+0+0" +repage "$5"
        if [ "$('"$im"' "$5" -format "%[mean]" info: | cut -d. -f1)" -gt 0 ]; then break; fi
      fi
      sleep 0.5
    done
    kill $pid
    [ -s "$5" ] || { echo "no screenshot" >&2; exit 1; }
  ' _ "$cp" "$s" "$marker" "$theme" "$out/$name.png"
  rm -f "$marker"
  "$im" "$out/$name.png" -strip -colors 256 PNG8:"$out/$name.png"
  echo "$out/$name.png"
done
