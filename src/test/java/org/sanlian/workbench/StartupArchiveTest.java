package org.sanlian.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archives an installed program makes for itself: read from the launchers'
 * configurations, made by the runtime's own Java into a part file, moved into place when whole.
 */
class StartupArchiveTest {

    @TempDir
    Path dir;

    private Path cfg(Path appDir, String name, List<String> classPath, String... options) throws IOException {
        StringBuilder s = new StringBuilder("[Application]\n");
        for (String c : classPath) {
            s.append("app.classpath=").append(c).append('\n');
        }
        s.append("app.mainclass=org.sanlian.workbench.Launcher\n\n[JavaOptions]\njava-options=-Djpackage.app-version=0.1.0\n");
        for (String o : options) {
            s.append("java-options=").append(o).append('\n');
        }
        return Files.writeString(appDir.resolve(name + ".cfg"), s.toString());
    }

    @Test
    void aConfigurationIsReadAsTheLauncherReadsIt() throws IOException {
        Path app = Files.createDirectories(dir.resolve("app"));
        Path cfg = cfg(app, "sanlian", List.of("$APPDIR/sanlian-workbench.jar", "$APPDIR/lib/picocli.jar"),
                "-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1", "-Dsanlian.launcher=cli",
                "-XX:SharedArchiveFile=$APPDIR/sanlian.jsa");

        StartupArchive.Launch l = StartupArchive.read(cfg, app);

        assertThat(l.name()).isEqualTo("sanlian");
        assertThat(l.classPath()).containsExactly(app + "/sanlian-workbench.jar", app + "/lib/picocli.jar");
        assertThat(l.mainClass()).isEqualTo("org.sanlian.workbench.Launcher");
        assertThat(l.options()).containsExactly("-Djpackage.app-version=0.1.0", "-Dfile.encoding=UTF-8",
                "-XX:TieredStopAtLevel=1", "-Dsanlian.launcher=cli");
        assertThat(l.archive()).hasValue(app.resolve("sanlian.jsa"));
        assertThat(StartupArchive.command(Path.of("/rt/bin/java"), l, Optional.of(app.resolve("x.part")), "db", "check"))
                .containsExactly("/rt/bin/java", "-classpath",
                        app + "/sanlian-workbench.jar" + File.pathSeparator + app + "/lib/picocli.jar",
                        "-Djpackage.app-version=0.1.0", "-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1",
                        "-Dsanlian.launcher=cli", "-XX:ArchiveClassesAtExit=" + app.resolve("x.part"),
                        "org.sanlian.workbench.Launcher", "db", "check");
    }

    /** The application's classes as one jar (a class-data archive takes classes from jars only) and its libraries. */
    private static List<String> classPathOfJars(Path app) throws IOException {
        List<String> out = new ArrayList<>();
        Path jar = app.resolve("sanlian-workbench.jar");
        Path classes = Path.of(StartupArchive.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            // with the folders' own entries, as a built jar has them (resources are listed by folder)
            for (Path f : files.filter(f -> !f.equals(classes)).sorted().toList()) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                j.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
                if (Files.isRegularFile(f)) {
                    Files.copy(f, j);
                }
                j.closeEntry();
            }
        }
        out.add(jar.toString());
        // under surefire the JVM's own class path is a booter jar; the real one is in this property
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : full.split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && !entry.contains("surefire") && !entry.contains("junit")
                    && !entry.contains("assertj") && !entry.contains("testfx") && !entry.contains("opentest4j")) {
                out.add(entry);
            }
        }
        return out;
    }

    @Test
    void aMissingArchiveIsMadeWholeAndAPresentOneOrOneInTheMakingIsLeftAlone() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        List<String> classPath = classPathOfJars(app);
        cfg(app, "sanlian", classPath, "-Dsanlian.launcher=cli", "-XX:SharedArchiveFile=$APPDIR/sanlian.jsa");
        cfg(app, "other", classPath); // names no archive: nothing to make for it
        Path javaHome = Path.of(System.getProperty("java.home"));

        // another start made it recently: left to that one
        Path inTheMaking = app.resolve("sanlian.jsa.999.part");
        Files.writeString(inTheMaking, "half");
        assertThat(StartupArchive.make(app, javaHome)).isEmpty();
        // a stale part is a dead start's: removed, and the archive made
        Files.setLastModifiedTime(inTheMaking, FileTime.from(Instant.now().minusSeconds(3600)));
        List<Path> made = StartupArchive.make(app, javaHome);

        assertThat(made).containsExactly(app.resolve("sanlian.jsa"));
        assertThat(inTheMaking).doesNotExist();
        try (Stream<Path> files = Files.list(app)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"))
                    .doesNotContain("other.jsa");
        }
        // the archive serves: a run with it maps the application's classes from it
        Process withArchive = new ProcessBuilder(withOptions(StartupArchive.command(javaHome.resolve("bin/java"),
                StartupArchive.read(app.resolve("sanlian.cfg"), app), Optional.empty(), "--version"),
                "-XX:SharedArchiveFile=" + app.resolve("sanlian.jsa"), "-Xshare:on", "-Xlog:class+load=info"))
                .redirectErrorStream(true).start();
        String log = new String(withArchive.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(withArchive.waitFor()).as(log).isZero();
        assertThat(log).contains("org.sanlian.workbench.cli.SanlianCli source: shared objects file (top)");

        // made once: the next start finds it and does nothing
        assertThat(StartupArchive.make(app, javaHome)).isEmpty();
    }

    @Test
    void aLauncherWithAClassListGetsAStaticArchiveOfTheListedClasses() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        List<String> classPath = classPathOfJars(app);
        cfg(app, "SanlianWorkbench", classPath, "-XX:+UseSerialGC", "-XX:SharedArchiveFile=$APPDIR/SanlianWorkbench.jsa");
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path javaBin = javaHome.resolve("bin/java");
        StartupArchive.Launch launch = StartupArchive.read(app.resolve("SanlianWorkbench.cfg"), app);
        // the list a run of the launcher leaves, as the packaging scripts make it
        Process listing = new ProcessBuilder(withOptions(StartupArchive.command(javaBin, launch, Optional.empty(), "--version"),
                "-XX:DumpLoadedClassList=" + app.resolve("SanlianWorkbench.classlist")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(listing.waitFor()).isZero();
        assertThat(Files.readString(app.resolve("SanlianWorkbench.classlist"))).contains("org/sanlian/workbench/cli/SanlianCli");

        assertThat(StartupArchive.make(app, javaHome)).containsExactly(app.resolve("SanlianWorkbench.jsa"));

        Process withArchive = new ProcessBuilder(withOptions(StartupArchive.command(javaBin, launch, Optional.empty(), "--version"),
                "-XX:SharedArchiveFile=" + app.resolve("SanlianWorkbench.jsa"), "-Xshare:on", "-Xlog:class+load=info"))
                .redirectErrorStream(true).start();
        String log = new String(withArchive.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(withArchive.waitFor()).as(log).isZero();
        // one static archive of the listed classes, the JDK's and the application's alike (no dynamic top layer)
        assertThat(log).contains("org.sanlian.workbench.cli.SanlianCli source: shared objects file\n")
                .contains("java.lang.Object source: shared objects file\n").doesNotContain("(top)");
    }

    private static List<String> withOptions(List<String> command, String... options) {
        List<String> out = new ArrayList<>(command);
        out.addAll(1, List.of(options));
        return out;
    }
}
