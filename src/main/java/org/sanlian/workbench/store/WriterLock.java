package org.sanlian.workbench.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer-at-a-time lock of a database: an operating-system lock on {@code <file>.lock}
 * beside it, held for as long as the database is open for writing. The operating system drops it
 * when the process ends, however it ends, so a crash never leaves the file locked.
 */
final class WriterLock {

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a database file. */
    static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    /** Takes the lock, or returns null when another process (or connection) holds it. */
    static WriterLock tryTake(Path database) {
        Path file = lockFile(database);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new WriterLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return null;
        } catch (IOException e) {
            // A folder we cannot write to: nobody can write the database either; open it to read.
            closeQuietly(channel);
            return null;
        }
    }

    void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the lock goes with the channel anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }
}
