#!/usr/bin/env bash
# Builds the self-contained Linux workbench (docs/packaging.md):
#   packaging/build-linux.sh            app-image only: target/package/sanlian-workbench/
#   packaging/build-linux.sh --deb      and the .deb installer in target/package/
# Steps: the thin jar and its libraries (mvn package), a jlink runtime with JavaFX as modules and the
# Chinese locale data and charsets, jpackage's app-image with two launchers (sanlian-workbench: the
# window; sanlian: the command line, console), then class-data-sharing archives made by running each
# launcher once (AppCDS: the window started on a demo database under Xvfb until usable; the command
# line exporting the demo workbook), named in the launchers' configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/common.sh

deb=false
[[ ${1:-} == --deb ]] && deb=true

build_jar
platform=linux
make_runtime "$platform"
make_app_image --icon assets/icon.png
# jpackage's Linux launchers ask rpm and dpkg which package owns them at every start (about 0.2 s):
# two small scripts that read the same configuration start the runtime directly instead
for launcher in sanlian-workbench sanlian; do
    install -m 755 packaging/linux/launcher.sh "$image/bin/$launcher"
done

# class-data sharing: the window needs a display; one Xvfb of our own when none is there
if [[ -z ${DISPLAY:-} ]] && command -v Xvfb >/dev/null; then
    display=:$((70 + RANDOM % 9))
    Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill $xvfb 2>/dev/null || true' EXIT
    sleep 1
    export DISPLAY=$display
fi
make_cds_archives "$image/bin/sanlian-workbench" "$image/bin/sanlian" "$image/lib/app"

if $deb; then
    # the .deb installs under /opt/sanlian-workbench, where the archives made here do not fit: its copy
    # of the image carries none, and its postinst makes them in place (packaging/linux/make-cds.sh)
    debroot=$out/deb
    rm -rf "$debroot" && mkdir -p "$debroot"
    cp -a "$image" "$debroot/"
    rm -f "$debroot/$name/lib/app/"*.jsa
    sed -i '/SharedArchiveFile/d' "$debroot/$name/lib/app/"*.cfg
    cp packaging/linux/make-cds.sh "$debroot/$name/lib/app/"
    rm -f "$out"/*.deb
    # the package's resources: packaging/linux (postinst, prerm, the menu entries: the window's takes
    # a scheme file, the console launcher's is hidden) and the icon under each launcher's name
    resources=$out/deb-resources
    rm -rf "$resources" && mkdir -p "$resources"
    cp packaging/linux/postinst packaging/linux/prerm packaging/linux/*.desktop "$resources/"
    cp assets/icon.png "$resources/$name.png"
    cp assets/icon.png "$resources/sanlian.png"
    jpackage --type deb --app-image "$debroot/$name" --dest "$out" --name "$name" \
        --app-version "$version" --vendor "$vendor" --description "$description" \
        --resource-dir "$resources" --file-associations packaging/linux/scheme-files.properties \
        --linux-package-name sanlian-workbench --linux-deb-maintainer "office@example.invalid" \
        --linux-menu-group "Office" --linux-shortcut --linux-app-category office \
        --linux-package-deps "libgtk-3-0, libxtst6, libpangoft2-1.0-0, fonts-wqy-microhei"
    ls -la "$out"/*.deb
fi
echo "image: $image ($(du -sh "$image" | cut -f1))"
