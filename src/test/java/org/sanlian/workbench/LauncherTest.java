package org.sanlian.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Which command lines open the window on a chosen database: exactly {@code --db FILE}, nothing more. */
class LauncherTest {

    @Test
    void exactlyDbAndAFileOpenTheWindowOnThatFile() {
        assertThat(Launcher.windowDatabase(new String[] {"--db", "work.db"})).hasValue(Path.of("work.db"));
        assertThat(Launcher.windowDatabase(new String[] {"--db", "D:/考核/三链.db"})).hasValue(Path.of("D:/考核/三链.db"));
    }

    @Test
    void anythingElseIsACommandLine() {
        assertThat(Launcher.windowDatabase(new String[] {"--db"})).isEmpty();
        assertThat(Launcher.windowDatabase(new String[] {"--db", ""})).isEmpty();
        assertThat(Launcher.windowDatabase(new String[] {"--db", "--help"})).isEmpty();
        assertThat(Launcher.windowDatabase(new String[] {"db", "check", "--db", "work.db"})).isEmpty();
        assertThat(Launcher.windowDatabase(new String[] {"--db", "work.db", "score"})).isEmpty();
        assertThat(Launcher.windowDatabase(new String[] {"score", "work.db"})).isEmpty();
        assertThat(Launcher.windowDatabase(new String[] {"--help"})).isEmpty();
    }
}
