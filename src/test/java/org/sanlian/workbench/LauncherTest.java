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

    @Test
    void oneJsonFileOpensTheWindowWithThatSchemeFile() {
        assertThat(Launcher.schemeFile(new String[] {"D:/考核/三链-2026.scheme.json"}))
                .hasValue(Path.of("D:/考核/三链-2026.scheme.json"));
        assertThat(Launcher.schemeFile(new String[] {"方案.JSON"})).hasValue(Path.of("方案.JSON"));
        assertThat(Launcher.schemeFile(new String[] {"file:///tmp/%E6%96%B9%E6%A1%88.scheme.json"}))
                .hasValue(Path.of("/tmp/方案.scheme.json"));
        assertThat(Launcher.schemeFile(new String[] {"score"})).isEmpty();
        assertThat(Launcher.schemeFile(new String[] {"--scheme.json"})).isEmpty();
        assertThat(Launcher.schemeFile(new String[] {"a.scheme.json", "b.scheme.json"})).isEmpty();
        assertThat(Launcher.schemeFile(new String[] {"data.csv"})).isEmpty();
    }
}
