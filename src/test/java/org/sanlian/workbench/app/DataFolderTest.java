package org.sanlian.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The data folder chosen in 设置 (kept in the window's preferences) and how it meets SANLIAN_DATA. */
class DataFolderTest {

    private static final String HOME = "/home/zhang";
    private static final Map<String, String> NO_ENV = Map.of();
    private static final Map<String, String> ENV = Map.of("SANLIAN_DATA", "/portable/data");

    private final Preferences prefs = Preferences.userRoot().node("org/sanlian/workbench/ui/test-" + System.nanoTime());

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aChosenFolderIsTheDataFolderAndSanlianDataStillWins() {
        assertThat(DataFolder.folder(NO_ENV, "Linux", HOME, DataFolder.chosenFolder(prefs)))
                .isEqualTo(Path.of(HOME, ".local", "share", "sanlian"));

        DataFolder.chooseFolder(prefs, Optional.of(Path.of("/office/share")));

        assertThat(DataFolder.chosenFolder(prefs)).hasValue(Path.of("/office/share").toAbsolutePath());
        assertThat(DataFolder.folder(NO_ENV, "Linux", HOME, DataFolder.chosenFolder(prefs)))
                .isEqualTo(Path.of("/office/share").toAbsolutePath());
        assertThat(DataFolder.folder(NO_ENV, "Windows 11", HOME, DataFolder.chosenFolder(prefs)))
                .isEqualTo(Path.of("/office/share").toAbsolutePath());
        assertThat(DataFolder.folder(ENV, "Linux", HOME, DataFolder.chosenFolder(prefs)))
                .isEqualTo(Path.of("/portable/data"));
    }

    @Test
    void theNextStartOpensTheChosenFoldersDatabaseOnceThenTheFileOpenedLast() {
        Optional<Path> openedLast = Optional.of(Path.of("/elsewhere/old.db"));
        assertThat(DataFolder.databaseAtStart(NO_ENV, "Linux", HOME, prefs, openedLast)).isEqualTo(openedLast.get());

        DataFolder.chooseFolder(prefs, Optional.of(Path.of("/office/share")));
        assertThat(DataFolder.databaseAtStart(NO_ENV, "Linux", HOME, prefs, openedLast))
                .isEqualTo(Path.of("/office/share").toAbsolutePath().resolve(DataFolder.DATABASE_NAME));
        // SANLIAN_DATA wins over the choice
        assertThat(DataFolder.databaseAtStart(ENV, "Linux", HOME, prefs, openedLast))
                .isEqualTo(Path.of("/portable/data", DataFolder.DATABASE_NAME));

        // once a start has taken the choice, the file opened last is opened again
        prefs.remove("data.folder.next");
        assertThat(DataFolder.databaseAtStart(NO_ENV, "Linux", HOME, prefs, openedLast)).isEqualTo(openedLast.get());
        assertThat(DataFolder.databaseAtStart(NO_ENV, "Linux", HOME, prefs, Optional.empty()))
                .isEqualTo(Path.of("/office/share").toAbsolutePath().resolve(DataFolder.DATABASE_NAME));
    }

    @Test
    void choosingTheDefaultAgainTakesEffectAtTheNextStartAndTheSameChoiceChangesNothing() {
        DataFolder.chooseFolder(prefs, Optional.of(Path.of("/office/share")));
        prefs.remove("data.folder.next");

        DataFolder.chooseFolder(prefs, Optional.of(Path.of("/office/share")));
        assertThat(prefs.getBoolean("data.folder.next", false)).isFalse();

        DataFolder.chooseFolder(prefs, Optional.empty());
        assertThat(DataFolder.chosenFolder(prefs)).isEmpty();
        assertThat(DataFolder.databaseAtStart(NO_ENV, "Linux", HOME, prefs, Optional.of(Path.of("/elsewhere/old.db"))))
                .isEqualTo(Path.of(HOME, ".local", "share", "sanlian", DataFolder.DATABASE_NAME));
    }
}
