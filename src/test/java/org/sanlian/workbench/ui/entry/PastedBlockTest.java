package org.sanlian.workbench.ui.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Blocks of cells as Excel puts them on the clipboard. */
class PastedBlockTest {

    @Test
    void linesAndTabsMakeRowsAndCellsAndTheLastLineBreakIsNoRow() {
        assertThat(PastedBlock.parse("1\t2\t3\r\n4\t5\t6\r\n")).containsExactly(List.of("1", "2", "3"),
                List.of("4", "5", "6"));
        assertThat(PastedBlock.parse("1\t2\n3\t4")).containsExactly(List.of("1", "2"), List.of("3", "4"));
        assertThat(PastedBlock.parse("42")).containsExactly(List.of("42"));
    }

    @Test
    void emptyCellsStayInTheirPlaces() {
        assertThat(PastedBlock.parse("1\t\t3\r\n\t5\t\r\n")).containsExactly(List.of("1", "", "3"),
                List.of("", "5", ""));
        assertThat(PastedBlock.parse("\r\n")).containsExactly(List.of(""));
        assertThat(PastedBlock.parse("")).isEmpty();
    }

    @Test
    void quotedCellsKeepTheirLineBreaksTabsAndQuotes() {
        assertThat(PastedBlock.parse("\"统计局\n快报\"\t\"说\"\"明\"\t7\r\n")).containsExactly(
                List.of("统计局\n快报", "说\"明", "7"));
    }
}
