#!/bin/bash
# The Linux launchers of the packaged workbench (bin/sanlian-workbench: the window; bin/sanlian: the
# command line), put in place of jpackage's native ones by packaging/build-linux.sh. They start the
# image's Java runtime exactly as jpackage's launcher would, from the same configuration file
# (lib/app/<launcher>.cfg: class path, main class, Java options, $APPDIR, $BINDIR and $ROOTDIR), but
# without what jpackage's Linux launcher does first at every start: ask rpm and dpkg which package
# owns it (`dpkg -S` reads the whole package database), about 0.2 s of each start on this machine
# (docs/packaging.md). Windows and macOS keep jpackage's launchers, which ask no package manager.
self=$(readlink -f "${BASH_SOURCE[0]}")
bindir=$(dirname "$self")
rootdir=$(dirname "$bindir")
appdir=$rootdir/lib/app
cfg=$appdir/$(basename "$self").cfg
if [[ ! -r $cfg ]]; then
    echo "三链融合考核工作台：找不到启动配置 $cfg，请重新安装本程序。" >&2
    exit 1
fi
classpath=
mainclass=
options=()
while IFS= read -r line || [[ -n $line ]]; do
    line=${line//\$APPDIR/$appdir}
    line=${line//\$BINDIR/$bindir}
    line=${line//\$ROOTDIR/$rootdir}
    case $line in
        app.classpath=*) classpath=${classpath:+$classpath:}${line#app.classpath=} ;;
        app.mainclass=*) mainclass=${line#app.mainclass=} ;;
        java-options=*) options+=("${line#java-options=}") ;;
    esac
done < "$cfg"
export LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$appdir
exec "$rootdir/lib/runtime/bin/java" -classpath "$classpath" "${options[@]}" \
    -Djpackage.app-path="$self" "$mainclass" "$@"
