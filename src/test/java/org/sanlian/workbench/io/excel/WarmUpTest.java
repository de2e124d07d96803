package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;

import org.junit.jupiter.api.Test;

/** The warm-up that a command starts while it reads its files goes through the whole workbook path without failing. */
class WarmUpTest {

    @Test
    void theWarmUpWritesEverySheetAndChartOfARealWriteWithoutDrawingPictures() throws Exception {
        // prepare() swallows the warm-up's failures (it is only a head start), so a failing path would go unseen there
        WorkbookSummary warm = MeetingWorkbook.warmUp();
        WorkbookSummary real = MeetingWorkbook.write(WarmUp.report(), "", OutputStream.nullOutputStream());
        assertThat(warm.sheets()).hasSize(9).isEqualTo(real.sheets()); // with 趋势: the tiny report has two periods
        assertThat(warm.nativeCharts()).isPositive().isEqualTo(real.nativeCharts());
        assertThat(warm.pictures()).isEqualTo(real.pictures());
    }
}
