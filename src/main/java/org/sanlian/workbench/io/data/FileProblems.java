package org.sanlian.workbench.io.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;

/**
 * A file that could not be read, said in words a person can act on: not found, a folder, not
 * allowed, or else what the system said, never a Java class name (which reads as a crash).
 */
public final class FileProblems {

    private FileProblems() {
    }

    public static ValidationException unreadable(String name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ValidationException(Issue.of(name, "file.not-found", name));
        }
        if (e instanceof AccessDeniedException) {
            return new ValidationException(Issue.of(name, "file.access-denied", name));
        }
        if (isFolder(name)) {
            return new ValidationException(Issue.of(name, "file.is-folder", name));
        }
        return new ValidationException(Issue.of(name, "file.unreadable", name,
                e.getMessage() == null || e.getMessage().isBlank() ? "?" : e.getMessage()));
    }

    /** What the systems say when a write finds no room: Linux and macOS, Windows in English and in Chinese. */
    private static final List<String> NO_SPACE = List.of("no space left on device", "not enough space on the disk",
            "磁盘空间不足");

    /**
     * A file that could not be written to {@code target}: when the disk is full that is said plainly
     * ({@code file.disk-full}), otherwise what the system said ({@code file.unwritable}).
     */
    public static ValidationException unwritable(Path target, IOException e) {
        if (diskFull(e)) {
            return new ValidationException(Issue.of(target.toString(), "file.disk-full", target));
        }
        return new ValidationException(Issue.of(target.toString(), "file.unwritable", target,
                e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    /** Whether the write failed for want of room on the disk (Java has no exception of its own for it). */
    public static boolean diskFull(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return NO_SPACE.stream().anyMatch(message::contains);
    }

    private static boolean isFolder(String name) {
        try {
            return Files.isDirectory(Path.of(name));
        } catch (InvalidPathException e) {
            return false; // a name that is no path (a resource, a stream) is no folder either
        }
    }
}
