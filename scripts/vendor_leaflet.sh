#!/usr/bin/env bash
# Re-vendor Leaflet's release files into the package (run by hand when upgrading; the
# dashboard must work offline, so nothing is fetched at run time).
set -euo pipefail
VERSION="${1:-1.9.4}"
DEST="$(cd "$(dirname "$0")/.." && pwd)/src/eventcoder/web/static/vendor/leaflet"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "leaflet@$VERSION" >/dev/null && tar xzf "leaflet-$VERSION.tgz")
rm -rf "$DEST" && mkdir -p "$DEST"
cp "$WORK/package/dist/leaflet.js" "$WORK/package/dist/leaflet.css" "$WORK/package/LICENSE" "$DEST/"
cp -r "$WORK/package/dist/images" "$DEST/images"
echo "leaflet $VERSION" > "$DEST/VERSION"
