# Builds the Windows workbench installer (docs/packaging.md). Run on Windows from the project root
# in PowerShell, with JDK 17 (jlink, jpackage), Maven and the WiX Toolset 3.x on PATH:
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1 [-Type msi|exe]
# Same steps as packaging/build-linux.sh: the thin jar and its libraries, a jlink runtime with JavaFX
# as modules (the -win jars Maven fetches on Windows) and the Chinese locale data and charsets, an
# app-image with the window (SanlianWorkbench.exe) and a console launcher (sanlian.exe), whose
# configurations name class-data archives that the installed program makes on its first start, then
# the installer: per user (no administrator rights), a Start-menu entry and a desktop shortcut. The database and backups live in %APPDATA%\Sanlian
# (app/DataFolder), so upgrading or removing the program never touches them.
# Saved as UTF-8 with a byte-order mark: Windows PowerShell 5.1 reads a script without one in the
# system's code page (GBK on Chinese Windows), which would garble the Chinese names below.
param([ValidateSet("msi", "exe")][string]$Type = "msi")
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

$out = "target\package"
$runtime = "$out\runtime"
$name = "SanlianWorkbench"
$image = "$out\$name"
$vendor = "三链融合考核工作台"
$description = "三链融合考核工作台：指标方案、数据、计分排名、末位约谈与会议工作簿"
[xml]$pom = Get-Content pom.xml -Encoding UTF8
$version = ($pom.project.version -replace "-SNAPSHOT", "")
# keep in step with packaging/common.sh
$modules = "java.base,java.desktop,java.prefs,java.security.jgss,java.sql,java.xml.crypto,java.naming,java.logging," +
           "java.management,jdk.unsupported,jdk.localedata,jdk.charsets,jdk.zipfs," +
           "javafx.base,javafx.graphics,javafx.controls,javafx.swing"
$javaOptions = "-Dfile.encoding=UTF-8 -XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xlog:cds=off,cds+dynamic=off"
# SQLite's DLL beside the jars, named to sqlite-jdbc (packaging/common.sh says why)
$javaOptions += " -Dorg.sqlite.lib.path=`$APPDIR -Dorg.sqlite.lib.name=sqlitejdbc.dll"

mvn -q -B -DskipTests package
if ($LASTEXITCODE -ne 0) { throw "mvn package failed" }

if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input\lib" | Out-Null
$fx = (Get-ChildItem target\lib\javafx-*-win.jar | ForEach-Object { $_.FullName }) -join ";"
if (-not $fx) { throw "no JavaFX -win jars in target\lib: run Maven on Windows" }
# JavaFX's DLLs are taken out of its module and put in the runtime's bin folder, where JavaFX's jmods
# would put them: left in the module, JavaFX copies each out to %USERPROFILE%\.openjfx\cache and
# checksums it at every start (packaging/common.sh, make_runtime)
jlink --module-path $fx --add-modules $modules --include-locales=en,zh --strip-debug --no-header-files `
      --no-man-pages --generate-cds-archive --exclude-resources "glob:/javafx.graphics/*.dll" --output $runtime
if ($LASTEXITCODE -ne 0) { throw "jlink failed" }
Add-Type -AssemblyName System.IO.Compression.FileSystem
$graphics = [System.IO.Compression.ZipFile]::OpenRead((Get-ChildItem target\lib\javafx-graphics-*-win.jar | Select-Object -First 1).FullName)
foreach ($entry in ($graphics.Entries | Where-Object { $_.FullName -like "*.dll" -and $_.FullName -notlike "*/*" })) {
    $target = Join-Path $runtime "bin\$($entry.Name)"
    # the runtime's own Visual C++ libraries stay as jlink put them
    if (-not (Test-Path $target)) { [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, $target) }
}
$graphics.Dispose()

# the jar and the libraries its manifest names, JavaFX left out (it is in the runtime)
Copy-Item target\sanlian-workbench.jar "$out\input\"
$zip = [System.IO.Compression.ZipFile]::OpenRead((Resolve-Path target\sanlian-workbench.jar))
$manifest = (New-Object System.IO.StreamReader(($zip.Entries | Where-Object FullName -eq "META-INF/MANIFEST.MF").Open())).ReadToEnd()
$zip.Dispose()
$classPath = (($manifest -replace "`r", "") -replace "`n ", "" -split "`n" | Where-Object { $_ -like "Class-Path:*" }) -replace "^Class-Path: ", ""
foreach ($jar in ($classPath -split " ")) {
    if ($jar -and $jar -notlike "lib/javafx-*") { Copy-Item ("target\" + $jar.Replace("/", "\")) "$out\input\lib\" }
}
$sqlite = [System.IO.Compression.ZipFile]::OpenRead((Get-ChildItem target\lib\sqlite-jdbc-*.jar | Select-Object -First 1).FullName)
$dll = $sqlite.Entries | Where-Object FullName -eq "org/sqlite/native/Windows/x86_64/sqlitejdbc.dll"
if (-not $dll) { throw "sqlite-jdbc holds no Windows x86_64 library" }
[System.IO.Compression.ZipFileExtensions]::ExtractToFile($dll, "$out\input\sqlitejdbc.dll", $true)
$sqlite.Dispose()

Set-Content "$out\sanlian.properties" -Encoding ASCII -Value @(
    "java-options=$javaOptions -Dsanlian.launcher=cli",
    "win-console=true")
jpackage --type app-image --runtime-image $runtime --input "$out\input" --dest $out --name $name `
    --app-version $version --vendor $vendor --description $description --icon assets\icon.ico `
    --main-jar sanlian-workbench.jar --main-class org.sanlian.workbench.Launcher `
    --java-options $javaOptions --add-launcher "sanlian=$out\sanlian.properties"
if ($LASTEXITCODE -ne 0) { throw "jpackage app-image failed" }

# class-data sharing: each launcher's configuration names its archive; the archives themselves are
# made on the first start of the installed window (StartupArchive), in the folder it was installed
# to: an archive holds the absolute paths of the jars it was made from, and a per-user installation's
# path names the user. Until then the JVM starts without them, silently.
$app = "$image\app"
# the window's archive is made from the list of the classes the window loads: here it is started on
# a demo database, shown every screen in turn (ui/StartupProbe's tour) and closed, and the list stays
# in the image (app\SanlianWorkbench.classlist); without it the first start would archive a command's
# classes only, without JavaFX's (packaging/common.sh does the same on Linux)
$work = Join-Path ([System.IO.Path]::GetTempPath()) "sanlian-classlist-$PID"
New-Item -ItemType Directory -Force $work | Out-Null
& "$image\sanlian.exe" db init --demo --db "$work\demo.db" --operator 打包 | Out-Null
$env:SANLIAN_DATA = $work
$env:JAVA_TOOL_OPTIONS = "-XX:DumpLoadedClassList=$app\$name.classlist -Dsanlian.startup.probe=1 " +
    "-Dsanlian.startup.tour=true -Dsanlian.startup.exit=true"
$window = Start-Process -FilePath "$image\$name.exe" -ArgumentList @("--db", "`"$work\demo.db`"") `
    -WorkingDirectory (Get-Location) -PassThru  # the list's path above is relative to it
if (-not $window.WaitForExit(180000)) {
    $window.Kill()
    Remove-Item "$app\$name.classlist" -ErrorAction SilentlyContinue
    Write-Warning "the window did not finish its tour: the installed window's archive will hold a command's classes only"
}
Remove-Item Env:\JAVA_TOOL_OPTIONS, Env:\SANLIAN_DATA
Remove-Item -Recurse -Force $work
foreach ($launcher in @("sanlian", $name)) {
    # ASCII: the line is, and Windows PowerShell's UTF8 may write a byte-order mark into the file
    Add-Content "$app\$launcher.cfg" -Encoding ASCII -Value "java-options=-XX:SharedArchiveFile=`$APPDIR\$launcher.jsa"
}

# the installer: per user, Start menu and desktop shortcut, an upgrade replaces the older version
jpackage --type $Type --app-image $image --dest $out --name $name --app-version $version `
    --vendor $vendor --description $description `
    --win-per-user-install --win-menu --win-menu-group $vendor --win-shortcut --win-dir-chooser `
    --file-associations packaging\windows\scheme-files.properties `
    --win-upgrade-uuid "6f1d2c8e-3b7a-4f5e-9c1d-5a2b8e7f4c30"
if ($LASTEXITCODE -ne 0) { throw "jpackage $Type failed (is WiX 3 on PATH?)" }
Get-ChildItem "$out\*.$Type"
