package org.sanlian.workbench.io.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;
import org.sanlian.workbench.io.csv.ResultCsvWriter;

/**
 * The frozen content of a published bulletin, as JSON: number, date, period, scheme year, whether
 * the figures are simulated, the scheme itself, one object per ranked unit ({@code rows}), and the
 * results, detail and bottom-list files exactly as {@code score} and {@code bottom-list} write them.
 * Field order is fixed, so the same results always give the same text and the same hash.
 */
public final class BulletinContent {

    public static final String FORMAT = "sanlian-bulletin/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BulletinContent() {
    }

    public static String write(String number, LocalDate publishedOn, int schemeYear, String schemeJson,
                               PeriodResult result, boolean simulated) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("number", number);
        root.put("publishedOn", publishedOn.toString());
        root.put("period", result.period().toString());
        root.put("schemeYear", schemeYear);
        root.put("simulated", simulated);
        try {
            root.set("scheme", JSON.readTree(schemeJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored scheme is not JSON", e);
        }
        ArrayNode rows = root.putArray("rows");
        for (UnitResult r : result.rows()) {
            ObjectNode row = rows.addObject();
            row.put("unit", r.unit().code());
            row.put("name", r.unit().name());
            row.put("zone", r.zone().code());
            row.put("total", r.total());
            row.put("rank", r.rank());
            row.put("zoneRank", r.zoneRank());
            row.put("bottom", r.listed() ? 1 : 0);
            row.put("level", r.bottom().map(b -> b.level().name()).orElse(""));
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

    /** One text field of a bulletin's content ({@code results}, {@code detail}, {@code bottom}). */
    public static String field(String content, String name) {
        try {
            return JSON.readTree(content).path(name).asText();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bulletin content is not JSON", e);
        }
    }
}
