package org.sanlian.workbench.io.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.report.ReportRow;
import org.sanlian.workbench.io.report.ReportText;

/** 指标得分明细, 末位约谈名单 and 趋势. */
final class TableSheets {

    /** Widths (characters) of the bottom list's wrapped columns. */
    static final int RULES_WIDTH = 34;
    static final int WEAKEST_WIDTH = 44;

    /** Up to this many indicators the detail sheet still prints one page wide. */
    static final int DETAIL_FIT_WIDTH = 8;

    private TableSheets() {
    }

    /**
     * Every unit's value and score per indicator, units in rank order: two header rows (the
     * indicator over its 数值 and 得分 columns), rank, unit and zone frozen and repeated when printed.
     */
    static XSSFSheet detail(SheetKit kit) {
        Scheme scheme = kit.report.scheme();
        List<Indicator> leaves = scheme.leaves();
        XSSFSheet sheet = kit.sheet(kit.m.text("export.sheet.detail"));
        int last = 2 + 2 * leaves.size();
        kit.titleBlock(sheet, kit.m.text("export.sheet.detail"), last);
        int top = SheetKit.HEADER_ROW;
        XSSFRow names = kit.header(sheet, top, 0, List.of(kit.m.text("export.col.rank"), kit.m.text("export.col.unit"),
                kit.m.text("export.col.zone")));
        names.setHeightInPoints(42);
        SheetKit.width(sheet, 0, 6);
        SheetKit.width(sheet, 1, 18);
        SheetKit.width(sheet, 2, 14);
        XSSFRow sub = kit.header(sheet, top + 1, 0, List.of("", "", ""));
        for (int c = 0; c < 3; c++) {
            sheet.addMergedRegionUnsafe(new CellRangeAddress(top, top + 1, c, c));
        }
        for (int i = 0; i < leaves.size(); i++) {
            Indicator leaf = leaves.get(i);
            int col = 3 + 2 * i;
            String name = leaf.unitOfMeasure().isBlank() ? leaf.name()
                    : kit.m.text("export.col.with-unit", leaf.name(), leaf.unitOfMeasure());
            kit.text(names, col, name, kit.styles.header);
            kit.text(names, col + 1, "", kit.styles.header);
            sheet.addMergedRegionUnsafe(new CellRangeAddress(top, top, col, col + 1));
            kit.text(sub, col, kit.m.text("export.col.value"), kit.styles.header);
            kit.text(sub, col + 1, kit.m.text("export.col.score"), kit.styles.header);
            SheetKit.width(sheet, col, 11);
            SheetKit.width(sheet, col + 1, 8);
        }
        sheet.createFreezePane(3, top + 2);
        boolean fit = leaves.size() <= DETAIL_FIT_WIDTH;
        kit.print(sheet, top, top + 1, fit, fit ? 0 : 3);

        Styles st = kit.styles;
        Map<String, String> zoneNames = zoneNames(scheme);
        List<ReportRow> rows = kit.report.rows();
        // a column of whole numbers (counts) shows no decimals; any other shows two to four
        boolean[] whole = new boolean[leaves.size()];
        java.util.Arrays.fill(whole, true);
        for (ReportRow r : rows) {
            double[] values = r.values();
            for (int i = 0; i < whole.length; i++) {
                double v = values[i];
                if (whole[i] && !Double.isNaN(v) && v != Math.rint(v)) {
                    whole[i] = false;
                }
            }
        }
        int first = top + 2;
        kit.body(sheet, first + rows.size() - 1, last, w -> {
            int row = first;
            for (ReportRow r : rows) {
                Styles.Fill fill = SheetKit.fill(r);
                int integral = st.index(Styles.Kind.VALUE, fill);
                int fractional = st.index(Styles.Kind.DECIMAL, fill);
                int score = st.index(Styles.Kind.SCORE, fill);
                w.row(row++);
                w.integer(0, r.rank(), st.index(Styles.Kind.INTEGER, fill));
                w.text(1, r.name(), st.text(Styles.Kind.TEXT, fill, r.name()));
                String zn = zoneNames.getOrDefault(r.zone(), r.zone());
                w.text(2, zn, st.text(Styles.Kind.CENTER, fill, zn));
                double[] values = r.values();
                double[] scores = r.scores();
                for (int i = 0; i < values.length; i++) {
                    w.number(3 + 2 * i, values[i], whole[i] ? integral : fractional);
                    w.number(4 + 2 * i, scores[i], score);
                }
            }
        });
        return sheet;
    }

    /** The bottom list: unit, zone, rank, zone rank, total, the rules that listed it, weakest indicators, level. */
    static XSSFSheet bottom(SheetKit kit) {
        Scheme scheme = kit.report.scheme();
        XSSFSheet sheet = kit.sheet(kit.m.text("export.sheet.bottom"));
        List<String> labels = List.of(kit.m.text("export.col.number"), kit.m.text("export.col.unit"),
                kit.m.text("export.col.zone"), kit.m.text("export.col.rank"), kit.m.text("export.col.zone-rank"),
                kit.m.text("export.col.total"), kit.m.text("export.col.rules"), kit.m.text("export.col.weakest"),
                kit.m.text("export.col.level"));
        int last = labels.size() - 1;
        kit.titleBlock(sheet, kit.m.text("export.sheet.bottom"), last);
        kit.header(sheet, SheetKit.HEADER_ROW, 0, labels).setHeightInPoints(22);
        sheet.createFreezePane(0, SheetKit.HEADER_ROW + 1);
        kit.print(sheet, SheetKit.HEADER_ROW, SheetKit.HEADER_ROW, true, 0);
        double[] widths = {6, 18, 14, 6, 8, 9, RULES_WIDTH, WEAKEST_WIDTH, 10};
        for (int i = 0; i < widths.length; i++) {
            SheetKit.width(sheet, i, widths[i]);
        }
        List<ReportRow> listed = kit.report.listed();
        Map<String, String> zoneNames = zoneNames(scheme);
        Map<String, String> leafNames = new HashMap<>();
        scheme.leaves().forEach(l -> leafNames.put(l.code(), l.name()));
        Styles st = kit.styles;
        int first = SheetKit.HEADER_ROW + 1;
        if (listed.isEmpty()) {
            XSSFRow r = sheet.createRow(first);
            kit.text(r, 0, kit.m.text("export.bottom.none"), kit.styles.plain);
            return sheet;
        }
        kit.body(sheet, first + listed.size() - 1, last, w -> {
            int row = first;
            int n = 1;
            for (ReportRow r : listed) {
                BottomEntry b = r.bottom().get();
                Styles.Fill fill = SheetKit.fill(r);
                int integer = st.index(Styles.Kind.INTEGER, fill);
                String rules = String.join(kit.m.text("export.list.separator"),
                        ReportText.rules(b.rules(), scheme.bottomRules()));
                List<String> weakest = new ArrayList<>();
                b.weakest().forEach(code -> weakest.add(leafNames.getOrDefault(code, code)));
                String weak = String.join(kit.m.text("export.names.separator"), weakest);
                int lines = Math.max(lines(rules, RULES_WIDTH), lines(weak, WEAKEST_WIDTH));
                w.row(row++, lines > 1 ? 13.5 * lines + 2 : 0);
                w.integer(0, n++, integer);
                w.text(1, r.name(), st.text(Styles.Kind.TEXT, fill, r.name()));
                String zn = zoneNames.getOrDefault(r.zone(), r.zone());
                w.text(2, zn, st.text(Styles.Kind.CENTER, fill, zn));
                w.integer(3, r.rank(), integer);
                w.integer(4, r.zoneRank(), integer);
                w.number(5, r.total(), st.index(Styles.Kind.SCORE, fill));
                w.text(6, rules, st.text(Styles.Kind.WRAP, fill, rules));
                w.text(7, weak, st.text(Styles.Kind.WRAP, fill, weak));
                String level = kit.mark(r);
                w.text(8, level, st.text(Styles.Kind.CENTER, fill, level));
            }
        });
        return sheet;
    }

    /** Totals and ranks by period, units in this period's rank order. */
    static XSSFSheet trend(SheetKit kit) {
        Scheme scheme = kit.report.scheme();
        List<Period> periods = kit.report.trendPeriods();
        XSSFSheet sheet = kit.sheet(kit.m.text("export.sheet.trend"));
        int last = 1 + 2 * periods.size();
        kit.titleBlock(sheet, kit.m.text("export.sheet.trend"), last);
        int top = SheetKit.HEADER_ROW;
        XSSFRow names = kit.header(sheet, top, 0, List.of(kit.m.text("export.col.unit"), kit.m.text("export.col.zone")));
        SheetKit.width(sheet, 0, 18);
        SheetKit.width(sheet, 1, 14);
        XSSFRow sub = kit.header(sheet, top + 1, 0, List.of("", ""));
        sheet.addMergedRegionUnsafe(new CellRangeAddress(top, top + 1, 0, 0));
        sheet.addMergedRegionUnsafe(new CellRangeAddress(top, top + 1, 1, 1));
        for (int p = 0; p < periods.size(); p++) {
            int col = 2 + 2 * p;
            kit.text(names, col, ReportText.period(periods.get(p)), kit.styles.header);
            kit.text(names, col + 1, "", kit.styles.header);
            sheet.addMergedRegionUnsafe(new CellRangeAddress(top, top, col, col + 1));
            kit.text(sub, col, kit.m.text("export.col.total"), kit.styles.header);
            kit.text(sub, col + 1, kit.m.text("export.col.rank"), kit.styles.header);
            SheetKit.width(sheet, col, 9);
            SheetKit.width(sheet, col + 1, 6);
        }
        sheet.createFreezePane(2, top + 2);
        kit.print(sheet, top, top + 1, true, 0);
        Styles st = kit.styles;
        Map<String, String> zoneNames = zoneNames(scheme);
        List<ReportRow> rows = kit.report.rows();
        int first = top + 2;
        kit.body(sheet, first + rows.size() - 1, last, w -> {
            int row = first;
            for (ReportRow r : rows) {
                Styles.Fill fill = SheetKit.fill(r);
                int score = st.index(Styles.Kind.SCORE, fill);
                int integer = st.index(Styles.Kind.INTEGER, fill);
                w.row(row++);
                w.text(0, r.name(), st.text(Styles.Kind.TEXT, fill, r.name()));
                String zn = zoneNames.getOrDefault(r.zone(), r.zone());
                w.text(1, zn, st.text(Styles.Kind.CENTER, fill, zn));
                for (int p = 0; p < r.trendTotals().length; p++) {
                    w.number(2 + 2 * p, r.trendTotals()[p], score);
                    if (r.trendRanks()[p] > 0) {
                        w.integer(3 + 2 * p, r.trendRanks()[p], integer);
                    } else {
                        w.blank(3 + 2 * p, integer);
                    }
                }
            }
        });
        return sheet;
    }

    /** How many lines text takes in a column of that many characters (a little margin kept). */
    static int lines(String text, int width) {
        return Math.max(1, (int) Math.ceil(SheetKit.textWidth(text) / (double) (width - 2)));
    }

    static Map<String, String> zoneNames(Scheme scheme) {
        Map<String, String> out = new HashMap<>();
        scheme.zones().forEach(z -> out.put(z.code(), z.name()));
        return out;
    }
}
