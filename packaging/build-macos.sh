#!/usr/bin/env bash
# Builds the macOS workbench disk image (docs/packaging.md). Run on a Mac from the project root,
# with JDK 17 (jlink, jpackage) and Maven:
#   packaging/build-macos.sh            target/package/sanlian-workbench-<version>.dmg
# Same steps as packaging/build-linux.sh: the thin jar and its libraries, a jlink runtime with
# JavaFX as modules (the -mac or -mac-aarch64 jars Maven fetches on that Mac), an app bundle with the
# window and a console launcher (Contents/MacOS/sanlian), then the .dmg (without class-data archives,
# see below). The database lives in the user's data folder (app/DataFolder:
# ~/.local/share/sanlian unless SANLIAN_DATA says otherwise), outside the bundle, so replacing the
# app keeps it.
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/common.sh

build_jar
if ls target/lib/javafx-base-*-mac-aarch64.jar >/dev/null 2>&1; then
    make_runtime mac-aarch64
else
    make_runtime mac
fi
make_app_image --icon assets/icon.icns --mac-package-identifier org.sanlian.workbench \
    --mac-package-name "三链融合考核工作台"
bundle=$out/$name.app
# no class-data archives: one made here names this folder's paths and does not fit the bundle once it
# is in Applications, and the installed program does not write into its own (signed) bundle
jpackage --type dmg --app-image "$bundle" --dest "$out" --name "$name" --app-version "$version" \
    --vendor "$vendor" --description "$description" --file-associations packaging/macos/scheme-files.properties
ls -la "$out"/*.dmg
