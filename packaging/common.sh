# Shared by packaging/build-linux.sh and build-macos.sh (bash); build-windows.ps1 follows the same steps.
# Everything is written under target/package/.

out=target/package
runtime=$out/runtime
name=sanlian-workbench
image=$out/$name
vendor="三链融合考核工作台"
description="三链融合考核工作台：指标方案、数据、计分排名、末位约谈与会议工作簿"
# jpackage wants a numeric version: the pom's without -SNAPSHOT
version=$(sed -n '0,/<version>/s:.*<version>\([0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
# the JDK modules the application needs (jdeps --print-module-deps on the jar and its libraries:
# java.base, java.desktop, java.prefs, java.security.jgss, java.sql, java.xml.crypto), jdk.unsupported
# for sqlite-jdbc and JavaFX, the Chinese locale data and the GBK/GB18030 charsets, and JavaFX
modules=java.base,java.desktop,java.prefs,java.security.jgss,java.sql,java.xml.crypto,java.naming,java.logging
modules=$modules,java.management,jdk.unsupported,jdk.localedata,jdk.charsets,jdk.zipfs
modules=$modules,javafx.base,javafx.graphics,javafx.controls,javafx.swing
# both launchers: UTF-8 whatever the system's code page (GBK on Chinese Windows), the serial
# collector (two threads of G1 bookkeeping cost more than they give for a desktop heap), and the
# JIT's first tier only: on two cores the optimising compiler competes with the start and with
# commands of a few seconds (docs/packaging.md has the measurements)
# One compiler thread instead of two: the second competed on two cores with the window's thread and
# the renderer (docs/packaging.md has the measurements).
# An archive that does not fit (the image moved elsewhere) is skipped; its warning would go to
# standard output, into a command's results, so the class-data messages are off.
java_options="-Dfile.encoding=UTF-8 -XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xlog:cds=off,cds+dynamic=off"

# SQLite's native library for this machine, as sqlite-jdbc's jar names it: the image carries it beside
# the jars and the launchers name it (org.sqlite.lib.path/name), so that sqlite-jdbc loads it from
# there instead of copying it to the temporary folder and comparing the copy byte by byte at every
# start (about 0.1 s of CPU, on the thread that opens the database while the window is built; a
# temporary folder mounted noexec would stop it altogether). If it cannot be loaded, sqlite-jdbc
# falls back to its own copy.
case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) sqlite_native=Linux/x86_64/libsqlitejdbc.so ;;
    Linux-aarch64) sqlite_native=Linux/aarch64/libsqlitejdbc.so ;;
    Darwin-arm64) sqlite_native=Mac/aarch64/libsqlitejdbc.dylib ;;
    Darwin-x86_64) sqlite_native=Mac/x86_64/libsqlitejdbc.dylib ;;
    *) sqlite_native= ;;
esac
if [[ -n $sqlite_native ]]; then
    java_options="$java_options -Dorg.sqlite.lib.path=\$APPDIR -Dorg.sqlite.lib.name=${sqlite_native##*/}"
fi

build_jar() {
    mvn -q -B -o -DskipTests package || mvn -q -B -DskipTests package
}

# $1: the JavaFX classifier of this platform's jars (linux, mac, mac-aarch64)
make_runtime() {
    local fx native
    fx=$(ls target/lib/javafx-*-"$1".jar | tr '\n' ':')
    case $1 in
        linux*) native=so ;;
        *) native=dylib ;;
    esac
    rm -rf "$runtime"
    mkdir -p "$out"
    # not compressed: a compressed module image is slower to load classes from at every start.
    # JavaFX's native libraries come inside its jars: left in the module, JavaFX copies each out to
    # ~/.openjfx/cache and checksums it at every start (about 0.05 s of the window's start here); in
    # the runtime's own library folder, where JavaFX's jmods would put them, they are loaded directly.
    jlink --module-path "$fx" --add-modules "$modules" --include-locales=en,zh \
        --exclude-resources="glob:/javafx.graphics/*.$native" \
        --strip-debug --no-header-files --no-man-pages --generate-cds-archive --output "$runtime"
    unzip -q -j -o target/lib/javafx-graphics-*-"$1".jar "*.$native" -d "$runtime/lib"
}

# the jar and the libraries its manifest names, JavaFX left out (it is in the runtime as modules)
app_input() {
    local input=$out/input
    rm -rf "$input"
    mkdir -p "$input/lib"
    cp target/sanlian-workbench.jar "$input/"
    unzip -p target/sanlian-workbench.jar META-INF/MANIFEST.MF | tr -d '\r' | sed ':a;N;$!ba;s/\n //g' \
        | sed -n 's/^Class-Path: //p' | tr ' ' '\n' | grep -v '^lib/javafx-' | while read -r jar; do
        [[ -n $jar ]] && cp "target/$jar" "$input/lib/"
    done
    if [[ -n $sqlite_native ]]; then
        unzip -q -j -o target/lib/sqlite-jdbc-*.jar "org/sqlite/native/$sqlite_native" -d "$input"
    fi
    echo "$input"
}

# extra jpackage options for the platform follow as arguments
make_app_image() {
    local input
    input=$(app_input)
    rm -rf "$image"
    local cli=$out/sanlian.properties
    printf 'java-options=%s -Dsanlian.launcher=cli\n' "$java_options" > "$cli"
    [[ $(uname -s) == MINGW* || $(uname -s) == CYGWIN* ]] && echo 'win-console=true' >> "$cli"
    jpackage --type app-image --runtime-image "$runtime" --input "$input" --dest "$out" \
        --name "$name" --app-version "$version" --vendor "$vendor" --description "$description" \
        --main-jar sanlian-workbench.jar --main-class org.sanlian.workbench.Launcher \
        --java-options "$java_options" --add-launcher sanlian="$cli" "$@"
}

# Runs each launcher once with -XX:ArchiveClassesAtExit and names the archive in its configuration.
# $1 the window's launcher, $2 the console launcher, $3 the folder of their .cfg files.
make_cds_archives() {
    local gui=$1 cli=$2 app=$3 work
    work=$(mktemp -d)
    "$cli" db init --demo --db "$work/demo.db" --operator 打包 >/dev/null
    # the command line: an export of the demo workbook touches the reader, the engine, POI and the charts
    JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/sanlian.jsa" \
        "$cli" db export --db "$work/demo.db" --period 2025 --out "$work/demo.xlsx" >/dev/null 2>&1
    add_java_option "$app/sanlian.cfg" '-XX:SharedArchiveFile=$APPDIR/sanlian.jsa'
    if [[ -n ${DISPLAY:-} ]]; then
        # the window, started on the demo database until it is usable (ui/StartupProbe), then shown
        # every screen in turn (the window reopens on the screen last shown, so each may be the first),
        # then closed; the list of the classes it loaded stays in the image, for installers that make
        # the window's archive where no window can be started (packaging/linux/make-cds.sh)
        JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/sanlian-workbench.jsa -XX:DumpLoadedClassList=$app/sanlian-workbench.classlist -Dsanlian.startup.probe=1 -Dsanlian.startup.tour=true -Dsanlian.startup.exit=true -Djava.util.prefs.userRoot=$work/prefs" \
            SANLIAN_DATA="$work" $(command -v timeout >/dev/null && echo "timeout 120") "$gui" --db "$work/demo.db" >/dev/null 2>&1 || true
        [[ -f $app/sanlian-workbench.jsa ]] \
            && add_java_option "$app/sanlian-workbench.cfg" '-XX:SharedArchiveFile=$APPDIR/sanlian-workbench.jsa'
    else
        echo "no display: the window's launcher gets no class-data archive" >&2
    fi
    rm -rf "$work"
}

# $1 a launcher's .cfg, $2 one more java option (the [JavaOptions] section is the file's last)
add_java_option() {
    grep -q '^\[JavaOptions\]' "$1" || printf '\n[JavaOptions]\n' >> "$1"
    printf 'java-options=%s\n' "$2" >> "$1"
}
