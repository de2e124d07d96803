package org.sanlian.workbench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file or folder made read-only for a test, and writable again on {@link #close()}: by its
 * permissions, or, where they do not stop this user (root), by {@code chattr +i}. Where neither
 * works the test is skipped (an assumption fails).
 */
public final class ReadOnlyFile implements AutoCloseable {

    private final Path path;
    private final boolean immutable;
    private boolean closed;

    private ReadOnlyFile(Path path, boolean immutable) {
        this.path = path;
        this.immutable = immutable;
    }

    public static ReadOnlyFile of(Path path) throws IOException {
        boolean folder = Files.isDirectory(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(folder ? "r-xr-xr-x" : "r--r--r--"));
        boolean immutable = Files.isWritable(path) && chattr("+i", path);
        ReadOnlyFile made = new ReadOnlyFile(path, immutable);
        if (Files.isWritable(path)) {
            made.close();
            assumeTrue(false, "neither permissions nor chattr +i make " + path + " read-only here");
        }
        return made;
    }

    /** Whether it was made immutable ({@code chattr +i}) rather than by its permissions. */
    public boolean immutable() {
        return immutable;
    }

    /** Writable again. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (immutable) {
            chattr("-i", path);
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static boolean chattr(String flag, Path file) {
        try {
            Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
