package org.sanlian.workbench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the installed program's class-data archives (AppCDS, docs/packaging.md) where it is
 * installed, in the background, the first time the window starts without them. On Java 17 an archive
 * holds the absolute paths of the jars it was made from, so one made while building serves only that
 * folder: the Linux package makes its archives at installation ({@code packaging/linux/make-cds.sh});
 * the Windows installer, which installs per user under a path that names the user, ships without them
 * and this class makes them on the first start. A launcher's configuration names its archive
 * ({@code -XX:SharedArchiveFile=$APPDIR/<launcher>.jsa}); while the file is missing the JVM starts
 * without it, silently.
 *
 * <p>For each launcher whose configuration names a missing archive, the image's own Java runtime
 * makes it into a {@code .part} file that is moved into place only when the run succeeded, so a start
 * never maps a half-written archive. A launcher with a class list beside its configuration
 * ({@code <name>.classlist}: the classes its run loaded when the image was built, the window's shown
 * every screen) gets a static archive of those classes ({@code -Xshare:dump}), as the Linux package
 * makes at installation; without one, the launcher exports the demo meeting workbook once with
 * {@code -XX:ArchiveClassesAtExit}, which leaves out what only the window loads. Nothing happens outside a packaged
 * program, on macOS (writing into a signed application bundle would break its signature), in a
 * folder that cannot be written, or while another start is making them (a recent {@code .part}).
 */
final class StartupArchive {

    /** Set by jpackage's launchers (and ours on Linux): the launcher's path. */
    static final String APP_PATH_PROPERTY = "jpackage.app-path";
    private static final Duration STALE = Duration.ofMinutes(10);
    private static final long RUN_SECONDS = 120;
    /** How long after the window's start the making begins: the start itself needs both cores. */
    static final Duration AFTER_START = Duration.ofSeconds(8);

    /** One launcher's configuration ({@code <appdir>/<name>.cfg}) as the JVM would be started from it. */
    record Launch(String name, List<String> classPath, String mainClass, List<String> options, Optional<Path> archive) {
    }

    private StartupArchive() {
    }

    /** Starts making any missing archive on a background thread; returns at once. */
    static void makeMissingInBackground() {
        if (System.getProperty(APP_PATH_PROPERTY) == null
                || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            return;
        }
        Optional<Path> appDir = jarFolder();
        if (appDir.isEmpty() || !Files.isWritable(appDir.get())) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(AFTER_START.toMillis()); // not while the window itself is starting
                make(appDir.get(), Path.of(System.getProperty("java.home")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                // only the start-up time is at stake: the next start tries again
            }
        }, "class-data-archive");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static Optional<Path> jarFolder() {
        try {
            Path jar = Path.of(StartupArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? Optional.ofNullable(jar.getParent()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Makes every archive named by a configuration in {@code appDir} and missing, with the runtime at {@code javaHome}. */
    static List<Path> make(Path appDir, Path javaHome) throws IOException {
        List<Launch> wanted = new ArrayList<>();
        try (Stream<Path> files = Files.list(appDir)) {
            for (Path cfg : files.filter(f -> f.getFileName().toString().endsWith(".cfg")).sorted().toList()) {
                Launch l = read(cfg, appDir);
                if (l.archive().isPresent() && !Files.exists(l.archive().get()) && !beingMade(l.archive().get())) {
                    wanted.add(l);
                }
            }
        }
        List<Path> made = new ArrayList<>();
        if (wanted.isEmpty()) {
            return made;
        }
        Path work = Files.createTempDirectory("sanlian-cds");
        try {
            Path java = javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
            Path demo = work.resolve("demo.db");
            Launch first = wanted.get(0);
            if (run(command(java, first, Optional.empty(), "db", "init", "--demo", "--db", demo.toString(),
                    "--operator", "安装"), work) != 0) {
                return made;
            }
            for (Launch l : wanted) {
                Path archive = l.archive().orElseThrow();
                Path part = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
                Path classList = appDir.resolve(l.name() + ".classlist");
                int exit = Files.isRegularFile(classList) && Files.size(classList) > 0
                        ? run(dumpCommand(java, l, classList, part), work)
                        : run(command(java, l, Optional.of(part), "db", "export", "--db", demo.toString(),
                                "--period", "2025", "--out", work.resolve(l.name() + ".xlsx").toString()), work);
                if (exit == 0 && Files.isRegularFile(part) && Files.size(part) > 0) {
                    Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
                    made.add(archive);
                } else {
                    Files.deleteIfExists(part);
                }
            }
        } finally {
            deleteTree(work);
        }
        return made;
    }

    /** Reads {@code cfg} as jpackage's launcher does: class path, main class, Java options, {@code $APPDIR}. */
    static Launch read(Path cfg, Path appDir) throws IOException {
        String name = cfg.getFileName().toString().replaceFirst("\\.cfg$", "");
        List<String> classPath = new ArrayList<>();
        String mainClass = null;
        List<String> options = new ArrayList<>();
        Optional<Path> archive = Optional.empty();
        for (String raw : Files.readAllLines(cfg)) {
            String line = raw.strip().replace("$APPDIR", appDir.toString());
            if (line.startsWith("app.classpath=")) {
                classPath.add(line.substring("app.classpath=".length()));
            } else if (line.startsWith("app.mainclass=")) {
                mainClass = line.substring("app.mainclass=".length());
            } else if (line.startsWith("java-options=")) {
                String option = line.substring("java-options=".length());
                if (option.startsWith("-XX:SharedArchiveFile=")) {
                    archive = Optional.of(Path.of(option.substring("-XX:SharedArchiveFile=".length())));
                } else {
                    options.add(option);
                }
            }
        }
        return new Launch(name, classPath, mainClass == null ? Launcher.class.getName() : mainClass, options, archive);
    }

    /** The command that runs {@code launch} with {@code args}, dumping its classes into {@code dump} when given. */
    static List<String> command(Path java, Launch launch, Optional<Path> dump, String... args) {
        List<String> out = new ArrayList<>();
        out.add(java.toString());
        out.add("-classpath");
        out.add(String.join(File.pathSeparator, launch.classPath()));
        out.addAll(launch.options());
        dump.ifPresent(d -> out.add("-XX:ArchiveClassesAtExit=" + d));
        out.add(launch.mainClass());
        out.addAll(List.of(args));
        return out;
    }

    /** The command that makes a static archive {@code archive} of the classes {@code classList} names, on {@code launch}'s class path. */
    static List<String> dumpCommand(Path java, Launch launch, Path classList, Path archive) {
        List<String> out = new ArrayList<>();
        out.add(java.toString());
        out.add("-Xshare:dump");
        out.add("-XX:SharedClassListFile=" + classList);
        out.add("-XX:SharedArchiveFile=" + archive);
        out.add("-classpath");
        out.add(String.join(File.pathSeparator, launch.classPath()));
        out.addAll(launch.options()); // the collector and the rest as at a start: an archive must fit them
        return out;
    }

    /** A {@code .part} of this archive younger than {@link #STALE}: another start is making it. Older ones are removed. */
    private static boolean beingMade(Path archive) throws IOException {
        boolean recent = false;
        Instant staleBefore = Instant.now().minus(STALE);
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(archive.getFileName() + ".") && n.endsWith(".part")) {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(staleBefore)) {
                        Files.deleteIfExists(f);
                    } else {
                        recent = true;
                    }
                }
            }
        }
        return recent;
    }

    private static int run(List<String> command, Path work) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        b.environment().remove("JAVA_TOOL_OPTIONS"); // the launcher's options only, as at a user's start
        b.environment().put("SANLIAN_DATA", work.toString()); // nothing of the user's data folder touched
        Process p = b.start();
        try {
            if (!p.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static File nullFile() {
        return new File(isWindows() ? "NUL" : "/dev/null");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
