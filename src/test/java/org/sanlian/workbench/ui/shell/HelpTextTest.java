package org.sanlian.workbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.WorkbenchScreens;

/** The help page exists in both languages and names every screen and the keys of the menus. */
class HelpTextTest {

    @Test
    void theHelpNamesEveryScreenAndTheKeysInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            Messages m = new Messages(locale);
            String help = HelpWindow.text(locale);
            for (ScreenRegistry.Entry e : WorkbenchScreens.standard().entries()) {
                assertThat(help).as(locale + " " + e.id()).contains(m.text(e.titleKey()));
            }
            assertThat(help).contains("Ctrl+Z", "Ctrl+Y", "Ctrl+S", "Ctrl+O", "Ctrl+PageDown", "Ctrl+PageUp", "F1");
        }
        assertThat(HelpWindow.text(Locale.SIMPLIFIED_CHINESE)).contains("复制到新年度", "从备份恢复", "示例数据");
    }
}
