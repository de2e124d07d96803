package org.sanlian.workbench.io.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.sanlian.workbench.core.bottom.BottomEntry;
import org.sanlian.workbench.core.bottom.EscapeMargin;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.report.MeetingReport;
import org.sanlian.workbench.core.report.ReportRow;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.io.csv.ResultCsvWriter;
import org.sanlian.workbench.io.scheme.SchemeReader;

/**
 * The frozen content of a published bulletin, as JSON: number, date, period, scheme year, whether
 * the figures are simulated, who issued it, where the figures came from, the scheme itself, the trend
 * periods, one object per ranked unit ({@code rows}: everything the meeting workbook shows of it),
 * and the results, detail and bottom-list files exactly as {@code score} and {@code bottom-list}
 * write them. Field order is fixed, so the same results always give the same text and the same hash.
 *
 * <p>Each row keeps {@code unit}, {@code total}, {@code rank}, {@code zoneRank} and {@code bottom}
 * (0/1) at its top level: {@code db check} compares them with the bulletin's ranking rows. Numbers
 * that do not exist (a dimension without a score, a missing value) are {@code null}.
 * {@link #read} gives back the {@link MeetingReport}, so the workbook of a bulletin is written from
 * its content alone, never from live figures.
 */
public final class BulletinContent {

    public static final String FORMAT = "sanlian-bulletin/2";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BulletinContent() {
    }

    /**
     * The content of a bulletin: the report (numbered, dated, with its trend), the stored scheme's
     * JSON and the result the report was made from (with escape margins, for the bottom-list file).
     */
    public static String write(MeetingReport report, int schemeYear, String schemeJson, PeriodResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("number", report.bulletin().orElse(""));
        root.put("publishedOn", report.issuedOn().toString());
        root.put("period", report.period().toString());
        root.put("schemeYear", schemeYear);
        root.put("simulated", report.simulated());
        root.put("issuer", report.issuer());
        ArrayNode sources = root.putArray("sources");
        report.sources().forEach(sources::add);
        root.put("hasPrevious", report.hasPrevious());
        ArrayNode trend = root.putArray("trendPeriods");
        report.trendPeriods().forEach(p -> trend.add(p.toString()));
        try {
            root.set("scheme", JSON.readTree(schemeJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored scheme is not JSON", e);
        }
        ArrayNode rows = root.putArray("rows");
        for (ReportRow r : report.rows()) {
            ObjectNode row = rows.addObject();
            row.put("unit", r.unit());
            row.put("name", r.name());
            row.put("zone", r.zone());
            row.put("total", r.total());
            row.put("rank", r.rank());
            row.put("zoneRank", r.zoneRank());
            row.put("bottom", r.listed() ? 1 : 0);
            row.put("level", r.bottom().map(b -> b.level().name()).orElse(""));
            if (r.rankChange().isPresent()) {
                row.put("rankChange", r.rankChange().getAsInt());
            } else {
                row.putNull("rankChange");
            }
            row.put("vetoed", r.vetoed());
            row.put("bonus", r.bonus());
            row.put("penalty", r.penalty());
            numbers(row.putArray("subtotals"), r.subtotals());
            numbers(row.putArray("values"), r.values());
            numbers(row.putArray("scores"), r.scores());
            numbers(row.putArray("trendTotals"), r.trendTotals());
            ArrayNode ranks = row.putArray("trendRanks");
            for (int rank : r.trendRanks()) {
                ranks.add(rank);
            }
            ArrayNode flags = row.putArray("flags");
            r.flags().forEach(flags::add);
            if (r.bottom().isPresent()) {
                BottomEntry b = r.bottom().get();
                ArrayNode rules = row.putArray("rules");
                b.rules().forEach(rules::add);
                ArrayNode weakest = row.putArray("weakest");
                b.weakest().forEach(weakest::add);
                ArrayNode escapes = row.putArray("escapes");
                for (EscapeMargin m : b.escapes()) {
                    ObjectNode e = escapes.addObject();
                    e.put("code", m.code());
                    if (m.reachable()) {
                        e.put("value", m.value().getAsDouble());
                    } else {
                        e.putNull("value");
                    }
                }
            }
        }
        try {
            StringWriter results = new StringWriter();
            ResultCsvWriter.writeResults(result, results);
            StringWriter detail = new StringWriter();
            ResultCsvWriter.writeDetail(result, detail);
            StringWriter bottom = new StringWriter();
            ResultCsvWriter.writeBottom(result, bottom);
            root.put("results", results.toString());
            root.put("detail", detail.toString());
            root.put("bottom", bottom.toString());
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report a bulletin's content holds, exactly as it was published. Refuses content of another
     * format (an unknown or damaged bulletin) with {@code bulletin.unreadable}.
     */
    public static MeetingReport read(String content, String number) {
        try {
            JsonNode root = JSON.readTree(content);
            if (!FORMAT.equals(root.path("format").asText())) {
                throw unreadable(number, "format " + root.path("format").asText("?"));
            }
            Scheme scheme = SchemeReader.fromJson(JSON.writeValueAsString(root.path("scheme")), "bulletin " + number);
            Period period = period(root.path("period").asText(), number);
            List<Period> trend = new ArrayList<>();
            for (JsonNode p : root.path("trendPeriods")) {
                trend.add(period(p.asText(), number));
            }
            List<String> sources = new ArrayList<>();
            root.path("sources").forEach(s -> sources.add(s.asText()));
            List<ReportRow> rows = new ArrayList<>();
            for (JsonNode row : root.path("rows")) {
                rows.add(row(row));
            }
            String bulletin = root.path("number").asText();
            return new MeetingReport(scheme, period, bulletin.isEmpty() ? Optional.empty() : Optional.of(bulletin),
                    LocalDate.parse(root.path("publishedOn").asText()), root.path("issuer").asText(),
                    root.path("simulated").asBoolean(), sources, root.path("hasPrevious").asBoolean(), trend, rows);
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            throw unreadable(number, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** One text field of a bulletin's content ({@code results}, {@code detail}, {@code bottom}). */
    public static String field(String content, String name) {
        try {
            return JSON.readTree(content).path(name).asText();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bulletin content is not JSON", e);
        }
    }

    private static ReportRow row(JsonNode row) {
        Optional<BottomEntry> bottom = Optional.empty();
        if (row.path("bottom").asInt() == 1) {
            List<EscapeMargin> escapes = new ArrayList<>();
            for (JsonNode e : row.path("escapes")) {
                escapes.add(new EscapeMargin(e.path("code").asText(), e.path("value").isNumber()
                        ? OptionalDouble.of(e.path("value").asDouble()) : OptionalDouble.empty()));
            }
            bottom = Optional.of(new BottomEntry(row.path("unit").asText(), Level.valueOf(row.path("level").asText()),
                    texts(row.path("rules")), texts(row.path("weakest")), escapes));
        }
        JsonNode ranks = row.path("trendRanks");
        int[] trendRanks = new int[ranks.size()];
        for (int i = 0; i < trendRanks.length; i++) {
            trendRanks[i] = ranks.get(i).asInt();
        }
        return new ReportRow(row.path("unit").asText(), row.path("name").asText(), row.path("zone").asText(),
                row.path("total").asDouble(), row.path("rank").asInt(), row.path("zoneRank").asInt(),
                row.path("rankChange").isNumber() ? OptionalInt.of(row.path("rankChange").asInt()) : OptionalInt.empty(),
                row.path("vetoed").asBoolean(), row.path("bonus").asDouble(), row.path("penalty").asDouble(),
                numbers(row.path("subtotals")), numbers(row.path("values")), numbers(row.path("scores")),
                numbers(row.path("trendTotals")), trendRanks, texts(row.path("flags")), bottom);
    }

    private static void numbers(ArrayNode out, double[] values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                out.addNull();
            } else {
                out.add(v);
            }
        }
    }

    private static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = array.get(i);
            out[i] = n.isNumber() ? n.asDouble() : Double.NaN;
        }
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Period period(String text, String number) {
        return Period.parse(text).orElseThrow(() -> unreadable(number, "period " + text));
    }

    private static ValidationException unreadable(String number, String why) {
        return new ValidationException(Issue.of("bulletin " + number, "bulletin.unreadable", number, why));
    }
}
