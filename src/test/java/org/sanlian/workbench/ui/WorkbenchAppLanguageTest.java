package org.sanlian.workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.prefs.Preferences;

import javafx.scene.control.ButtonType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sanlian.workbench.i18n.Messages;

/** The language chosen in 设置 is JavaFX's too: its dialog buttons say 确定 and 取消 on a machine set up in English. */
class WorkbenchAppLanguageTest {

    private final Locale before = Locale.getDefault();
    private final Preferences prefs = Preferences.userRoot().node("org/sanlian/workbench/test-language-" + System.nanoTime());

    @AfterEach
    void restore() throws Exception {
        Locale.setDefault(before);
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        prefs.removeNode();
    }

    @Test
    void javaFxsOwnTextsFollowTheChosenLanguageWhateverTheSystems() {
        Locale.setDefault(Locale.US); // the system's
        WorkbenchApp.useChosenLanguage(prefs); // nothing chosen: Chinese
        assertThat(Messages.get().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(ButtonType.OK.getText()).isEqualTo("确定");
        assertThat(ButtonType.CANCEL.getText()).isEqualTo("取消");

        prefs.put(Messages.LANGUAGE_PREFERENCE, Messages.ENGLISH);
        WorkbenchApp.useChosenLanguage(prefs);
        assertThat(Messages.get().locale()).isEqualTo(Locale.ENGLISH);
        assertThat(ButtonType.OK.getText()).isEqualTo("OK");
        assertThat(ButtonType.CANCEL.getText()).isEqualTo("Cancel");
    }
}
