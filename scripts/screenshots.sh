#!/bin/sh
# Renders the README's screenshots (assets/screenshots/*.png) of the window on the demo database,
# headless under Monocle, through ScreenshotsTest. Needs a CJK font (fonts-wqy-microhei) for the text.
# Usage: scripts/screenshots.sh [-o]   (-o: Maven offline)
set -e
cd "$(dirname "$0")/.."
mvn -q "$@" test -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dsanlian.screenshots="$PWD/assets/screenshots"
ls -l assets/screenshots
