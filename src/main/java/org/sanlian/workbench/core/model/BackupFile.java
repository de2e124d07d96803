package org.sanlian.workbench.core.model;

import java.nio.file.Path;
import java.time.LocalDateTime;

/** A backup of the database: its file, when it was taken (local time) and why (daily, before-import ...). */
public record BackupFile(Path file, LocalDateTime takenAt, String reason) {
}
