package org.sanlian.workbench.ui.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sanlian.workbench.core.model.BackupFile;
import org.sanlian.workbench.ui.shell.Prompts;

/**
 * The import screen's questions answered in code: the files, the folder to import and the folder
 * for templates are set by the test; the shell's own questions are not expected here.
 */
final class ImportAnswers implements Prompts {

    List<Path> files = List.of();
    Optional<Path> importFolder = Optional.empty();
    Optional<Path> templateFolder = Optional.empty();
    final List<String> asked = new ArrayList<>();

    @Override
    public List<Path> filesToImport(Optional<Path> folder) {
        asked.add("files");
        return files;
    }

    @Override
    public Optional<Path> folderToImport(Optional<Path> folder) {
        asked.add("folder");
        return importFolder;
    }

    @Override
    public Optional<Path> templateFolder(Optional<Path> folder) {
        asked.add("template folder");
        return templateFolder;
    }

    @Override
    public Optional<Path> databaseToOpen(Optional<Path> folder) {
        throw new AssertionError("not asked by the import screen");
    }

    @Override
    public Optional<Path> newDatabase(Optional<Path> folder) {
        throw new AssertionError("not asked by the import screen");
    }

    @Override
    public Optional<String> operator(String suggestion) {
        throw new AssertionError("not asked by the import screen");
    }

    @Override
    public Optional<BackupFile> backupToRestore(List<BackupFile> backups) {
        throw new AssertionError("not asked by the import screen");
    }

    @Override
    public Unsaved unsavedChanges(String screenTitle) {
        throw new AssertionError("not asked by the import screen");
    }

    @Override
    public void error(String title, String message) {
        throw new AssertionError("not asked by the import screen: " + title + ": " + message);
    }
}
