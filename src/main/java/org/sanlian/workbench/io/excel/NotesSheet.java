package org.sanlian.workbench.io.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.io.chart.MeetingCharts;
import org.sanlian.workbench.io.report.ReportText;

/**
 * 说明: how the figures were made — the scheme (dimensions, indicators, weights, rules, targets,
 * bonuses, penalties, vetoes, bottom-list rules, zones), the data sources, the simulated-data mark
 * where it applies, the bulletin number and the content hash.
 */
final class NotesSheet {

    private static final int LAST_COLUMN = 9;

    private final SheetKit kit;
    private final XSSFSheet sheet;
    private int row = 3;

    private NotesSheet(SheetKit kit, XSSFSheet sheet) {
        this.kit = kit;
        this.sheet = sheet;
    }

    static XSSFSheet write(SheetKit kit) {
        XSSFSheet sheet = kit.sheet(kit.m.text("export.sheet.notes"));
        new NotesSheet(kit, sheet).fill();
        return sheet;
    }

    private void fill() {
        Scheme s = kit.report.scheme();
        kit.titleBlock(sheet, kit.m.text("export.sheet.notes"), LAST_COLUMN);
        kit.print(sheet, -1, -1, true, 0);
        double[] widths = {26, 38, 16, 10, 9, 8, 14, 18, 18, 14};
        for (int i = 0; i < widths.length; i++) {
            SheetKit.width(sheet, i, widths[i]);
        }
        if (kit.report.simulated()) {
            line(kit.m.text("export.notes.simulated"), kit.styles.simulated);
            row++;
        }

        section("export.notes.about");
        pair("export.notes.scheme-name", s.name());
        pair("export.notes.scheme-code", s.code());
        pair("export.notes.period", ReportText.period(kit.report.period()));
        kit.report.bulletin().ifPresent(b -> pair("export.notes.bulletin", b));
        pair("export.notes.issuer", kit.report.issuer());
        pair("export.notes.date", kit.date(kit.report.issuedOn()));
        pair("export.notes.period-kind", kit.m.text("export.period-kind." + s.periodKind().name()));
        pair("export.notes.aggregation", kit.m.text("export.aggregation." + s.aggregation().name()));
        pair("export.notes.comparison", kit.m.text("export.comparison." + s.comparison().name()));
        pair("export.notes.decimals", Integer.toString(s.decimals()));
        pair("export.notes.bonus-cap", ReportText.number(s.bonusCap()));
        pair("export.notes.penalty-cap", s.penaltyCap().isPresent() ? ReportText.number(s.penaltyCap().getAsDouble())
                : kit.m.text("export.notes.none"));
        if (!s.tieBreak().isEmpty()) {
            pair("export.notes.tie-break", String.join(kit.m.text("export.names.separator"), names(s, s.tieBreak())));
        }
        pair("export.notes.content-hash", kit.contentHash.get());
        pair("export.notes.content-hash-what", kit.m.text(kit.report.bulletin().isPresent()
                ? "export.notes.hash-bulletin" : "export.notes.hash-live"));
        row++;

        section("export.notes.tree");
        table(List.of("export.notes.col.dimension", "export.notes.col.indicator", "export.notes.col.code",
                "export.notes.col.unit", "export.notes.col.weight", "export.notes.col.direction",
                "export.notes.col.method", "export.notes.col.parameters", "export.notes.col.target",
                "export.notes.col.missing"));
        leaves(s, s.tree(), "");
        row++;

        if (!s.derived().isEmpty() || !s.inputs().isEmpty()) {
            section("export.notes.derived");
            table(List.of("export.notes.col.code", "export.notes.col.name-or-expression"));
            for (Derived d : s.derived()) {
                cells(d.code(), d.expr());
            }
            s.inputs().forEach(i -> cells(i.code(), i.unitOfMeasure().isBlank() ? i.name()
                    : kit.m.text("export.col.with-unit", i.name(), i.unitOfMeasure())));
            row++;
        }

        section("export.notes.adjustments");
        if (s.adjustments().isEmpty() && s.vetoes().isEmpty()) {
            line(kit.m.text("export.notes.none"), kit.styles.plain);
        } else {
            table(List.of("export.notes.col.item", "export.notes.col.code", "export.notes.col.kind",
                    "export.notes.col.points-each", "export.notes.col.cap"));
            for (Adjustment a : s.adjustments()) {
                cells(a.name(), a.code(), kit.m.text("export.adjustment." + a.kind().name()),
                        ReportText.number(a.pointsEach()),
                        a.cap().isPresent() ? ReportText.number(a.cap().getAsDouble()) : "");
            }
            for (Veto v : s.vetoes()) {
                cells(v.name(), v.code(), kit.m.text("export.adjustment.VETO"), "", "");
            }
        }
        row++;

        section("export.notes.bottom-rules");
        for (BottomRule r : s.bottomRules()) {
            line("· " + ReportText.rule(r), kit.styles.plain);
        }
        line(kit.m.text("export.notes.levels"), kit.styles.plain);
        row++;

        section("export.notes.zones");
        table(List.of("export.notes.col.zone", "export.notes.col.code", "export.notes.col.units"));
        Map<String, String> unitNames = new TreeMap<>();
        for (Unit u : s.units()) {
            unitNames.put(u.code(), u.name());
        }
        for (Zone z : s.zones()) {
            List<String> members = new ArrayList<>();
            z.units().forEach(u -> members.add(unitNames.getOrDefault(u, u)));
            XSSFRow r = cells(z.name(), z.code(), String.join(kit.m.text("export.names.separator"), members));
            r.getCell(2).setCellStyle(kit.styles.style(kit.styles.wrap, r.getCell(2).getStringCellValue()));
            sheet.addMergedRegionUnsafe(new org.apache.poi.ss.util.CellRangeAddress(r.getRowNum(), r.getRowNum(), 2,
                    LAST_COLUMN));
            r.setHeightInPoints(Math.min(400, 14f * (1 + members.size() / 12)));
        }
        row++;

        if (!s.cityTargets().isEmpty()) {
            section("export.notes.city-targets");
            table(List.of("export.notes.col.indicator", "export.notes.col.code", "export.notes.col.city-target",
                    "export.notes.col.year"));
            for (CityTarget t : s.cityTargets()) {
                cells(t.name(), t.code(), ReportText.number(t.target()), Integer.toString(t.year()));
            }
            row++;
        }

        section("export.notes.sources");
        for (String source : kit.report.sources()) {
            line("· " + source, kit.styles.plain);
        }
        row++;

        section("export.notes.charts");
        line(kit.m.text("export.notes.charts-cap", MeetingCharts.MAX_BARS, MeetingCharts.MAX_BARS / 2,
                MeetingCharts.MAX_LINES), kit.styles.plain);
        line(kit.m.text("export.notes.highlight"), kit.styles.plain);
    }

    private void leaves(Scheme s, List<Node> nodes, String path) {
        for (Node n : nodes) {
            if (n instanceof Dimension) {
                Dimension d = (Dimension) n;
                leaves(s, d.children(), path.isEmpty() ? d.name() : path + " / " + d.name());
            } else {
                Indicator i = (Indicator) n;
                String target = i.target().map(t -> t == TargetSource.FIXED
                        ? kit.m.text("export.target.FIXED", ReportText.number(i.rule().get("target", Double.NaN)))
                        : kit.m.text("export.target." + t.name())).orElse("");
                List<String> params = new ArrayList<>();
                new TreeMap<>(i.rule().parameters()).forEach((k, v) -> {
                    if (!k.equals("target")) {
                        params.add(k + "=" + ReportText.number(v));
                    }
                });
                cells(path, i.name(), i.code(), i.unitOfMeasure(), ReportText.number(i.weight()),
                        kit.m.text("export.direction." + i.direction().name()),
                        kit.m.text("export.method." + i.rule().method().name()), String.join(", ", params), target,
                        kit.m.text("export.missing." + s.missingPolicy(i).name()));
            }
        }
    }

    private List<String> names(Scheme s, List<String> codes) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            String name = c;
            for (Dimension d : s.dimensions()) {
                if (d.code().equals(c)) {
                    name = d.name();
                }
            }
            for (Indicator i : s.leaves()) {
                if (i.code().equals(c)) {
                    name = i.name();
                }
            }
            out.add(name);
        }
        return out;
    }

    private void section(String key) {
        kit.text(sheet.createRow(row++), 0, kit.m.text(key), kit.styles.section);
    }

    private void pair(String key, String value) {
        XSSFRow r = sheet.createRow(row++);
        kit.text(r, 0, kit.m.text(key), kit.styles.plain);
        kit.text(r, 1, value, kit.styles.plain);
    }

    private void line(String text, XSSFCellStyle style) {
        kit.text(sheet.createRow(row++), 0, text, style);
    }

    private void table(List<String> keys) {
        XSSFRow r = sheet.createRow(row++);
        for (int i = 0; i < keys.size(); i++) {
            kit.text(r, i, kit.m.text(keys.get(i)), kit.styles.header);
        }
    }

    private XSSFRow cells(String... values) {
        XSSFRow r = sheet.createRow(row++);
        for (int i = 0; i < values.length; i++) {
            kit.text(r, i, values[i], kit.styles.body(Styles.Kind.TEXT, Styles.Fill.NONE));
        }
        return r;
    }
}
