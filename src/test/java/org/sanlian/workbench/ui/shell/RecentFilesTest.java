package org.sanlian.workbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanlian.workbench.ui.common.WindowState;

/** 最近打开的文件: newest first, once each, at most eight, remembered across instances. */
class RecentFilesTest {

    private final Preferences prefs = Preferences.userRoot().node(WindowState.NODE + "/test-" + System.nanoTime());

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    @Test
    void newestFirstOnceEachAndAtMostEight() {
        RecentFiles recent = new RecentFiles(prefs);
        for (int i = 1; i <= 10; i++) {
            recent.add(Path.of("/data/" + i + ".db"));
        }
        recent.add(Path.of("/data/5.db"));

        RecentFiles again = new RecentFiles(prefs);
        assertThat(again.list()).hasSize(RecentFiles.LIMIT);
        assertThat(again.list().get(0)).isEqualTo(Path.of("/data/5.db").toAbsolutePath());
        assertThat(again.list().get(1)).isEqualTo(Path.of("/data/10.db").toAbsolutePath());
        assertThat(again.list()).doesNotContain(Path.of("/data/1.db").toAbsolutePath());

        again.remove(Path.of("/data/5.db"));
        assertThat(new RecentFiles(prefs).list()).hasSize(RecentFiles.LIMIT - 1)
                .doesNotContain(Path.of("/data/5.db").toAbsolutePath());
    }
}
