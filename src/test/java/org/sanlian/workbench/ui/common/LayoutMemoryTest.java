package org.sanlian.workbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;

import org.junit.jupiter.api.Test;

class LayoutMemoryTest {

    @Test
    void aKeyIsReadableWhereItFitsAndShortEnoughWhereItDoesNot() {
        assertThat(LayoutMemory.key("table-overall", "unit")).isEqualTo("columns.table-overall.unit");
        String longTitle = "规上工业企业R&D经费支出占营业收入比重（百分比，按全口径统计并扣除重复计算的部分之后）".repeat(2);
        String key = LayoutMemory.key("entry-table", longTitle);
        assertThat(key).hasSizeLessThanOrEqualTo(Preferences.MAX_KEY_LENGTH).startsWith("columns.");
        assertThat(key).isNotEqualTo(LayoutMemory.key("entry-table", longTitle + "二"));
    }
}
