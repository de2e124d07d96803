package org.sanlian.workbench.io.csv;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.bottom.EscapeMargin;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.LeafScore;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.core.sensitivity.SensitivityResult;
import org.sanlian.workbench.core.sensitivity.UnitSensitivity;

/**
 * Writes the result files of FORMATS.md: {@code results.csv}, {@code detail.csv},
 * {@code bottom.csv} and {@code sensitivity.csv}. UTF-8 without BOM, LF line ends, a field quoted
 * only when it holds a comma, a quote, CR or LF. Rounded figures (total, subtotals) carry exactly the
 * scheme's {@code decimals}; every other number is the shortest decimal that reads back as the same
 * double ({@link NumberText}). A text field that a spreadsheet would run as a formula (a unit or
 * indicator name, an operator, a note that begins with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return) is written with a leading single quote, as OWASP advises against CSV
 * injection; numbers, negative ones included, are written as they are ({@link #defused}).
 *
 * <p>The {@code Path} methods write straight to the file and report failure as
 * {@code file.unwritable}; use {@code app.ResultFiles} to replace a file only when complete.
 */
public final class ResultCsvWriter {

    private ResultCsvWriter() {
    }

    public static void writeResults(PeriodResult result, Path file) {
        toFile(file, w -> writeResults(result, w));
    }

    public static void writeDetail(PeriodResult result, Path file) {
        toFile(file, w -> writeDetail(result, w));
    }

    public static void writeBottom(PeriodResult result, Path file) {
        toFile(file, w -> writeBottom(result, w));
    }

    public static void writeSensitivity(SensitivityResult result, Path file) {
        toFile(file, w -> writeSensitivity(result, w));
    }

    /** {@code period,unit,name,zone,total,rank,zoneRank,rankChange,bottom,level,<dimensions>,bonus,penalty,veto,flags}. */
    public static void writeResults(PeriodResult result, Writer out) throws IOException {
        Scheme scheme = result.scheme();
        List<Dimension> dimensions = scheme.dimensions();
        List<String> header = new ArrayList<>(List.of("period", "unit", "name", "zone", "total", "rank",
                "zoneRank", "rankChange", "bottom", "level"));
        dimensions.forEach(d -> header.add(d.code()));
        header.addAll(List.of("bonus", "penalty", "veto", "flags"));
        line(out, header);
        String period = result.period().toString();
        for (UnitResult r : result.rows()) {
            List<String> row = new ArrayList<>(header.size());
            row.add(period);
            row.add(r.unit().code());
            row.add(r.unit().name());
            row.add(r.zone().code());
            row.add(rounded(r.total(), scheme.decimals()));
            row.add(Integer.toString(r.rank()));
            row.add(Integer.toString(r.zoneRank()));
            row.add(integer(r.rankChange()));
            row.add(Boolean.toString(r.listed()));
            row.add(r.bottom().map(b -> b.level().name()).orElse(""));
            Map<String, OptionalDouble> subtotals = r.subtotals();
            for (Dimension d : dimensions) {
                OptionalDouble s = subtotals.getOrDefault(d.code(), OptionalDouble.empty());
                row.add(s.isPresent() ? rounded(s.getAsDouble(), scheme.decimals()) : "");
            }
            row.add(NumberText.format(r.bonus()));
            row.add(NumberText.format(r.penalty()));
            row.add(Boolean.toString(r.vetoed()));
            row.add(String.join(";", r.flags()));
            line(out, row);
        }
        out.flush();
    }

    /**
     * {@code period,unit,code,value,points,normalised}: one row per unit and leaf, unrounded. Units
     * come in the scheme's order (not by rank), as in the design's example {@code detail_2025.csv};
     * leaves in tree order.
     */
    public static void writeDetail(PeriodResult result, Writer out) throws IOException {
        List<Indicator> leaves = result.scheme().leaves();
        line(out, List.of("period", "unit", "code", "value", "points", "normalised"));
        String period = result.period().toString();
        Map<String, UnitResult> byUnit = new HashMap<>();
        result.rows().forEach(r -> byUnit.put(r.unit().code(), r));
        for (Unit unit : result.scheme().units()) {
            UnitResult r = byUnit.get(unit.code());
            if (r == null) {
                continue;
            }
            List<LeafScore> scores = r.leaves();
            for (int i = 0; i < leaves.size(); i++) {
                String code = leaves.get(i).code();
                LeafScore s = i < scores.size() && scores.get(i).code().equals(code) ? scores.get(i)
                        : r.leaf(code).orElse(null);
                line(out, List.of(period, r.unit().code(), code,
                        s == null ? "" : number(s.value()),
                        s == null ? "" : number(s.points()),
                        s == null ? "" : number(s.normalised())));
            }
        }
        out.flush();
    }

    /** {@code period,unit,name,zone,rank,zoneRank,total,level,rules,weakest,escape}, in row order. */
    public static void writeBottom(PeriodResult result, Writer out) throws IOException {
        line(out, List.of("period", "unit", "name", "zone", "rank", "zoneRank", "total", "level", "rules",
                "weakest", "escape"));
        String period = result.period().toString();
        int decimals = result.scheme().decimals();
        for (UnitResult r : result.rows()) {
            if (r.bottom().isEmpty()) {
                continue;
            }
            BottomEntry b = r.bottom().get();
            List<String> escapes = new ArrayList<>();
            for (EscapeMargin m : b.escapes()) {
                escapes.add(m.code() + "=" + (m.reachable() ? NumberText.format(m.value().getAsDouble()) : "unreachable"));
            }
            line(out, List.of(period, r.unit().code(), r.unit().name(), r.zone().code(),
                    Integer.toString(r.rank()), Integer.toString(r.zoneRank()), rounded(r.total(), decimals),
                    b.level().name(), String.join(";", b.rules()), String.join(";", b.weakest()),
                    String.join(";", escapes)));
        }
        out.flush();
    }

    /** {@code unit,name,zone,rank,medianRank,p05Rank,p95Rank,listedShare}, in the result's order. */
    public static void writeSensitivity(SensitivityResult result, Writer out) throws IOException {
        line(out, List.of("unit", "name", "zone", "rank", "medianRank", "p05Rank", "p95Rank", "listedShare"));
        Scheme scheme = result.scheme();
        Map<String, Zone> zones = scheme.zoneByUnit();
        for (UnitSensitivity u : result.units()) {
            Zone zone = zones.get(u.unit());
            line(out, List.of(u.unit(), scheme.unit(u.unit()).map(Unit::name).orElse(""),
                    zone == null ? "" : zone.code(), Integer.toString(u.rank()), Integer.toString(u.medianRank()),
                    Integer.toString(u.p05Rank()), Integer.toString(u.p95Rank()),
                    NumberText.format(u.listedShare())));
        }
        out.flush();
    }

    /** A rounded figure with exactly {@code decimals} places, from the double's shortest decimal form. */
    static String rounded(double x, int decimals) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return NumberText.format(x);
        }
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static String number(OptionalDouble x) {
        return x.isPresent() ? NumberText.format(x.getAsDouble()) : "";
    }

    private static String integer(OptionalInt x) {
        return x.isPresent() ? Integer.toString(x.getAsInt()) : "";
    }

    static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write('\n');
    }

    static String quoted(String text) {
        String field = defused(text);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }

    /**
     * The one place that keeps text from running as a formula when the file is opened in Excel or
     * WPS: a field that begins with {@code = + - @}, a tab or a carriage return and is not a number
     * gets a leading {@code '}. Names and free text are what can begin so (a code that did would get
     * the quote too); a reader that wants the text back drops the one quote.
     */
    static String defused(String field) {
        if (field.isEmpty()) {
            return field;
        }
        char c = field.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (!risky || DataCsvReader.NUMBER.matcher(field).matches() || field.equals("-Infinity")) {
            return field;
        }
        return "'" + field;
    }

    @FunctionalInterface
    private interface Content {
        void write(Writer out) throws IOException;
    }

    private static void toFile(Path file, Content content) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.write(w);
        } catch (IOException e) {
            throw new ValidationException(Issue.of(file.toString(), "file.unwritable", file,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }
}
