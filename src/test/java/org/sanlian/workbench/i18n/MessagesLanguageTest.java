package org.sanlian.workbench.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The language chosen in 设置 and kept in the window's preferences is the one a start uses. */
class MessagesLanguageTest {

    private final Preferences prefs = Preferences.userRoot().node("org/sanlian/workbench/ui/test-" + System.nanoTime());

    @AfterEach
    void restore() throws Exception {
        prefs.removeNode();
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aStartUsesChineseUnlessEnglishWasChosen() {
        Messages.useChosen(prefs);
        assertThat(Messages.get().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.get().text("ui.screen.settings")).isEqualTo("设置");

        prefs.put(Messages.LANGUAGE_PREFERENCE, Messages.ENGLISH);
        Messages.useChosen(prefs);
        assertThat(Messages.get().locale()).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.get().text("ui.screen.settings")).isEqualTo("Settings");

        prefs.put(Messages.LANGUAGE_PREFERENCE, "klingon");
        assertThat(Messages.chosenLanguage(prefs)).isEqualTo(Messages.CHINESE);
        Messages.useChosen(prefs);
        assertThat(Messages.get().text("ui.screen.settings")).isEqualTo("设置");
    }
}
