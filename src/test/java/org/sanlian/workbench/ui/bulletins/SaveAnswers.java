package org.sanlian.workbench.ui.bulletins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.ui.shell.Prompts;

/**
 * The bulletins screen's questions answered in code: where to save a workbook is set by the test,
 * and the folders asked to be opened are recorded; the shell's own questions are not expected here.
 */
final class SaveAnswers implements Prompts {

    Optional<Path> saveAs = Optional.empty();
    final List<String> proposedNames = new ArrayList<>();
    final List<Path> opened = new ArrayList<>();

    @Override
    public Optional<Path> workbookToSave(String name, Optional<Path> folder) {
        proposedNames.add(name);
        return saveAs;
    }

    @Override
    public void openFolder(Path folder) {
        opened.add(folder);
    }

    @Override
    public Optional<Path> databaseToOpen(Optional<Path> folder) {
        throw new AssertionError("not asked by the bulletins screen");
    }

    @Override
    public Optional<Path> newDatabase(Optional<Path> folder) {
        throw new AssertionError("not asked by the bulletins screen");
    }

    @Override
    public Optional<String> operator(String suggestion) {
        throw new AssertionError("not asked by the bulletins screen");
    }

    @Override
    public Optional<BackupFile> backupToRestore(List<BackupFile> backups) {
        throw new AssertionError("not asked by the bulletins screen");
    }

    @Override
    public Unsaved unsavedChanges(String screenTitle) {
        throw new AssertionError("not asked by the bulletins screen");
    }

    @Override
    public void error(String title, String message) {
        throw new AssertionError("not asked by the bulletins screen: " + title + ": " + message);
    }

    @Override
    public List<Path> filesToImport(Optional<Path> folder) {
        throw new AssertionError("not asked by the bulletins screen");
    }

    @Override
    public Optional<Path> folderToImport(Optional<Path> folder) {
        throw new AssertionError("not asked by the bulletins screen");
    }

    @Override
    public Optional<Path> templateFolder(Optional<Path> folder) {
        throw new AssertionError("not asked by the bulletins screen");
    }
}
