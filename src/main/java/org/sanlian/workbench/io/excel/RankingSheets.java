package org.sanlian.workbench.io.excel;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.report.ReportRow;
import org.sanlian.workbench.io.report.ReportText;

/**
 * 总排名 and one ranking sheet per zone: rank, zone, zone rank, unit, total, every dimension's
 * subtotal, bonus, penalty, rank change (↑2 / ↓1 / —) and the bottom-list mark, listed rows
 * highlighted; header frozen and repeated on every printed page, one page wide.
 */
final class RankingSheets {

    private RankingSheets() {
    }

    /** The overall ranking. */
    static XSSFSheet overall(SheetKit kit) {
        XSSFSheet sheet = kit.sheet(kit.m.text("export.sheet.overall"));
        write(kit, sheet, kit.m.text("export.sheet.overall"), kit.report.rows(), null);
        return sheet;
    }

    /** One zone's sheet (one per zone, in the scheme's order), its units in zone-rank order. */
    static XSSFSheet zone(SheetKit kit, Zone zone) {
        List<ReportRow> members = new ArrayList<>();
        for (ReportRow r : kit.report.rows()) {
            if (r.zone().equals(zone.code())) {
                members.add(r);
            }
        }
        members.sort((a, b) -> Integer.compare(a.zoneRank(), b.zoneRank())); // stable: ties keep rank order
        XSSFSheet sheet = kit.sheet(zone.name());
        write(kit, sheet, kit.m.text("export.sheet.zone", zone.name()), members, zone);
        return sheet;
    }

    private static void write(SheetKit kit, XSSFSheet sheet, String what, List<ReportRow> rows, Zone zone) {
        Scheme scheme = kit.report.scheme();
        List<Dimension> dims = scheme.dimensions();
        boolean overall = zone == null;
        List<String> labels = new ArrayList<>();
        if (overall) {
            labels.add(kit.m.text("export.col.rank"));
            labels.add(kit.m.text("export.col.zone"));
            labels.add(kit.m.text("export.col.zone-rank"));
        } else {
            labels.add(kit.m.text("export.col.zone-rank"));
            labels.add(kit.m.text("export.col.rank"));
        }
        labels.add(kit.m.text("export.col.unit"));
        labels.add(kit.m.text("export.col.total"));
        for (Dimension d : dims) {
            labels.add(scheme.aggregation() == Aggregation.POINTS
                    ? kit.m.text("export.col.dimension-points", d.name(), ReportText.number(Scheme.fullPoints(d)))
                    : d.name());
        }
        labels.add(kit.m.text("export.col.bonus"));
        labels.add(kit.m.text("export.col.penalty"));
        labels.add(kit.m.text("export.col.rank-change"));
        labels.add(kit.m.text("export.col.mark"));
        int last = labels.size() - 1;

        kit.titleBlock(sheet, what, last);
        kit.header(sheet, SheetKit.HEADER_ROW, 0, labels).setHeightInPoints(30);
        sheet.createFreezePane(0, SheetKit.HEADER_ROW + 1);
        kit.print(sheet, SheetKit.HEADER_ROW, SheetKit.HEADER_ROW, true, 0);
        int c = 0;
        if (overall) {
            SheetKit.width(sheet, c++, 6);
            SheetKit.width(sheet, c++, 14);
            SheetKit.width(sheet, c++, 9);
        } else {
            SheetKit.width(sheet, c++, 9);
            SheetKit.width(sheet, c++, 6);
        }
        SheetKit.width(sheet, c++, 18);
        SheetKit.width(sheet, c++, 9);
        for (int i = 0; i < dims.size(); i++) {
            int widest = 0;
            for (String line : labels.get(c).split("\n")) {
                widest = Math.max(widest, SheetKit.textWidth(line));
            }
            SheetKit.width(sheet, c++, Math.max(9, Math.min(18, widest + 2)));
        }
        SheetKit.width(sheet, c++, 7);
        SheetKit.width(sheet, c++, 7);
        SheetKit.width(sheet, c++, 8);
        SheetKit.width(sheet, c, 14);

        Styles st = kit.styles;
        java.util.Map<String, String> zoneNames = new java.util.HashMap<>();
        scheme.zones().forEach(z -> zoneNames.put(z.code(), z.name()));
        int first = SheetKit.HEADER_ROW + 1;
        kit.body(sheet, first + rows.size() - 1, last, w -> {
            int row = first;
            for (ReportRow r : rows) {
                Styles.Fill fill = SheetKit.fill(r);
                int integer = st.index(Styles.Kind.INTEGER, fill);
                int score = st.index(Styles.Kind.SCORE, fill);
                w.row(row++);
                int col = 0;
                if (overall) {
                    w.integer(col++, r.rank(), integer);
                    String zn = zoneNames.getOrDefault(r.zone(), r.zone());
                    w.text(col++, zn, st.text(Styles.Kind.CENTER, fill, zn));
                    w.integer(col++, r.zoneRank(), integer);
                } else {
                    w.integer(col++, r.zoneRank(), integer);
                    w.integer(col++, r.rank(), integer);
                }
                w.text(col++, r.name(), st.text(Styles.Kind.TEXT, fill, r.name()));
                w.number(col++, r.total(), score);
                for (double s : r.subtotals()) {
                    w.number(col++, s, score);
                }
                w.number(col++, r.bonus(), score);
                w.number(col++, r.penalty(), score);
                String change = ReportText.rankChange(r.rankChange());
                w.text(col++, change, st.index(Styles.Kind.CENTER, fill));
                String mark = kit.mark(r);
                w.text(col, mark, st.text(Styles.Kind.CENTER, fill, mark));
            }
        });
    }
}
