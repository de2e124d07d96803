#!/bin/sh
# Makes the class-data archives (AppCDS) of an installed workbench where it is installed: an archive
# names the paths of the classes it holds, so the ones made while building (under target/) do not
# serve a copy installed elsewhere. Run by the .deb's postinst; safe to run again (as root) after
# moving the program:  /opt/sanlian-workbench/lib/app/make-cds.sh /opt/sanlian-workbench
# The window's archive is made from the list of classes the window loaded when the image was built
# (lib/app/sanlian-workbench.classlist: no window can be started here, as root without a display):
# a static archive of those classes (java -Xshare:dump). Without the list, and for the console
# launcher, the launcher exports the demo meeting workbook once with -XX:ArchiveClassesAtExit. Then
# each configuration names its archive. Failing changes nothing but the start-up time.
root=${1:-/opt/sanlian-workbench}
app=$root/lib/app
work=$(mktemp -d) || exit 0
trap 'rm -rf "$work"' EXIT
"$root/bin/sanlian" db init --demo --db "$work/demo.db" --operator 安装 >/dev/null 2>&1 || exit 0
for launcher in sanlian sanlian-workbench; do
    cfg=$app/$launcher.cfg
    [ -f "$cfg" ] || continue
    sed -i '/SharedArchiveFile/d' "$cfg"
    rm -f "$app/$launcher.jsa"
    if [ -s "$app/$launcher.classlist" ]; then
        # the launcher's class path, as its configuration names it
        classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app|g" | paste -sd: -)
        "$root/lib/runtime/bin/java" -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$app/$launcher.classlist" \
            -XX:SharedArchiveFile="$app/$launcher.jsa" -cp "$classpath" >/dev/null 2>&1 || rm -f "$app/$launcher.jsa"
    else
        # with arguments the window's launcher runs the command line too: the same classes and options
        JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/$launcher.jsa" \
            "$root/bin/$launcher" db export --db "$work/demo.db" --period 2025 --out "$work/$launcher.xlsx" \
            >/dev/null 2>&1
    fi
    if [ -s "$app/$launcher.jsa" ]; then
        printf 'java-options=-XX:SharedArchiveFile=$APPDIR/%s.jsa\n' "$launcher" >> "$cfg"
    fi
done
exit 0
