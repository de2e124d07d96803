package org.sanlian.workbench.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.sanlian.workbench.core.model.BackupFile;

/**
 * The questions the window asks its user, as the shell's view model needs them: which file, who is
 * working, which backup, what to do with unsaved edits, where to save a workbook; and opening a folder
 * in the system's file manager. {@code FxPrompts} asks with dialogs; tests
 * answer in code (file choosers cannot be driven headless).
 */
public interface Prompts {

    /** What to do with unsaved edits before leaving a screen. */
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /** An existing database file to open (starting in {@code folder} when given). */
    Optional<Path> databaseToOpen(Optional<Path> folder);

    /** Where to create a new database. */
    Optional<Path> newDatabase(Optional<Path> folder);

    /** Who is working (the database has no operator yet); empty when the user declines. */
    Optional<String> operator(String suggestion);

    /** What a first start puts into the new database. */
    enum FirstContent {
        /** The default scheme for 2023–2025 and the simulated figures (示例数据), to try the workbench. */
        DEMO,
        /** The default scheme only, as this year's, for the office's own figures. */
        DEFAULT_SCHEME
    }

    /** A first start's answer: who is working and what the new database holds. */
    record Welcome(String operator, FirstContent content) {
    }

    /**
     * The first start (a new database in the data folder): who is working, and whether the database
     * gets the demo data or the default scheme only; empty when the user declines. By default the
     * operator question, with the demo data.
     */
    default Optional<Welcome> welcome(String suggestion, Path file) {
        return operator(suggestion).map(name -> new Welcome(name, FirstContent.DEMO));
    }

    /** A backup to restore, confirmed; empty when the user cancels. */
    Optional<BackupFile> backupToRestore(List<BackupFile> backups);

    /** Unsaved edits on {@code screenTitle}: save them, drop them, or stay. */
    Unsaved unsavedChanges(String screenTitle);

    /** Tells the user something failed, and why. */
    void error(String title, String message);

    /** Data or targets files to import (CSV, .xlsx, .xls), starting in {@code folder}; empty when cancelled. */
    List<Path> filesToImport(Optional<Path> folder);

    /** A folder of returned templates (or other files) to import; empty when cancelled. */
    Optional<Path> folderToImport(Optional<Path> folder);

    /** The folder fill-in templates are written into; empty when cancelled. */
    Optional<Path> templateFolder(Optional<Path> folder);

    /** Where to write a CSV file, suggesting {@code fileName}; empty when cancelled. */
    default Optional<Path> csvToSave(String fileName) {
        return Optional.empty();
    }

    /** A folder to keep the workbench's data in, starting in {@code folder}; empty when cancelled. */
    default Optional<Path> dataFolder(Optional<Path> folder) {
        return Optional.empty();
    }

    /**
     * Where to save an exported workbook (.xlsx), proposing {@code name} in {@code folder}; empty when
     * cancelled. A test double that does not expect the question declines.
     */
    default Optional<Path> workbookToSave(String name, Optional<Path> folder) {
        return Optional.empty();
    }

    /**
     * Shows {@code folder} in the system's file manager, without waiting for it (the desktop call may
     * block); says so when the system cannot. A test double that does not expect it does nothing.
     */
    default void openFolder(Path folder) {
    }
}
