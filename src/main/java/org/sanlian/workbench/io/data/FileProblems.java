package org.sanlian.workbench.io.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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

    private static boolean isFolder(String name) {
        try {
            return Files.isDirectory(Path.of(name));
        } catch (InvalidPathException e) {
            return false; // a name that is no path (a resource, a stream) is no folder either
        }
    }
}
