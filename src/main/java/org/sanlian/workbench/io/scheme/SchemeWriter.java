package org.sanlian.workbench.io.scheme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.io.csv.NumberText;

/**
 * Writes a scheme file in the layout and field order of FORMATS.md: one line per top-level field,
 * one line per unit, zone, leaf and list entry, dimensions opening their children on the next lines.
 * Optional fields are written only when set (a leaf's direction only when NEGATIVE, the sensitivity
 * settings only when they differ from the defaults), so that {@link SchemeReader} reads back an equal
 * scheme. Numbers are the shortest decimals that read back as the same double, integral ones without
 * a fraction ({@code 12}, not {@code 12.0}).
 */
public final class SchemeWriter {

    /** The order rule parameters are written in, after {@code method}; others follow by name. */
    private static final List<String> PARAMETER_ORDER = List.of("target", "cap", "zeroBelow", "partial", "base",
            "low", "high", "mean", "sd", "step", "floor", "perItem");

    private SchemeWriter() {
    }

    /** Writes the scheme as UTF-8 JSON; a file that cannot be written is reported as {@code file.unwritable}. */
    public static void write(Scheme scheme, Path file) {
        String json = toJson(scheme);
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ValidationException(Issue.of(file.toString(), "file.unwritable", file,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** The scheme file's text; throws {@link IllegalArgumentException} for a number that JSON cannot hold (NaN, infinity). */
    public static String toJson(Scheme s) {
        List<String> top = new ArrayList<>();
        top.add(pair("format", SchemeReader.FORMAT));
        top.add(pair("code", s.code()));
        top.add(pair("name", s.name()));
        top.add(pair("periodKind", s.periodKind().name()));
        top.add(pair("aggregation", s.aggregation().name()));
        top.add(pair("comparison", s.comparison().name()));
        top.add(rawPair("decimals", Integer.toString(s.decimals())));
        if (!s.tieBreak().isEmpty()) {
            top.add(rawPair("tieBreak", strings(s.tieBreak())));
        }
        top.add(rawPair("bonusCap", number(s.bonusCap())));
        if (s.penaltyCap().isPresent()) {
            top.add(rawPair("penaltyCap", number(s.penaltyCap().getAsDouble())));
        }
        top.add(rawPair("units", lines(s.units().stream().map(SchemeWriter::unit).toList(), 4)));
        top.add(rawPair("zones", lines(s.zones().stream().map(SchemeWriter::zone).toList(), 4)));
        top.add(rawPair("tree", lines(s.tree().stream().map(n -> node(n, 4)).toList(), 4)));
        if (!s.derived().isEmpty()) {
            top.add(rawPair("derived", lines(s.derived().stream().map(SchemeWriter::derived).toList(), 4)));
        }
        if (!s.inputs().isEmpty()) {
            top.add(rawPair("inputs", lines(s.inputs().stream().map(SchemeWriter::input).toList(), 4)));
        }
        if (!s.adjustments().isEmpty()) {
            top.add(rawPair("adjustments", lines(s.adjustments().stream().map(SchemeWriter::adjustment).toList(), 4)));
        }
        if (!s.vetoes().isEmpty()) {
            top.add(rawPair("vetoes", lines(s.vetoes().stream().map(SchemeWriter::veto).toList(), 4)));
        }
        if (!s.bottomRules().isEmpty()) {
            top.add(rawPair("bottomRules", lines(s.bottomRules().stream().map(SchemeWriter::bottomRule).toList(), 4)));
        }
        if (!s.sensitivity().equals(SensitivitySettings.DEFAULT)) {
            SensitivitySettings t = s.sensitivity();
            top.add(rawPair("sensitivity", inline(List.of(rawPair("draws", Integer.toString(t.draws())),
                    rawPair("spread", number(t.spread())), rawPair("seed", Long.toString(t.seed()))))));
        }
        if (!s.cityTargets().isEmpty()) {
            top.add(rawPair("cityTargets", lines(s.cityTargets().stream().map(SchemeWriter::cityTarget).toList(), 4)));
        }
        return "{\n  " + String.join(",\n  ", top) + "\n}\n";
    }

    private static String unit(Unit u) {
        return inline(List.of(pair("code", u.code()), pair("name", u.name())));
    }

    private static String zone(Zone z) {
        return inline(List.of(pair("code", z.code()), pair("name", z.name()), rawPair("units", strings(z.units()))));
    }

    /** A node at an indent: a leaf on one line, a dimension with its children on the lines below. */
    private static String node(Node n, int indent) {
        if (n instanceof Indicator leaf) {
            return leaf(leaf);
        }
        Dimension d = (Dimension) n;
        List<String> f = new ArrayList<>();
        f.add(pair("code", d.code()));
        f.add(pair("name", d.name()));
        if (d.weight().isPresent()) {
            f.add(rawPair("weight", number(d.weight().getAsDouble())));
        }
        String head = "{" + String.join(", ", f) + ", \"children\": ";
        if (d.children().isEmpty()) {
            return head + "[]}";
        }
        List<String> children = d.children().stream().map(c -> node(c, indent + 2)).toList();
        String pad = " ".repeat(indent + 2);
        return head + "[\n" + pad + String.join(",\n" + pad, children) + "\n" + " ".repeat(indent) + "]}";
    }

    private static String leaf(Indicator leaf) {
        List<String> f = new ArrayList<>();
        f.add(pair("code", leaf.code()));
        f.add(pair("name", leaf.name()));
        if (!leaf.unitOfMeasure().isEmpty()) {
            f.add(pair("unit", leaf.unitOfMeasure()));
        }
        f.add(rawPair("weight", number(leaf.weight())));
        if (leaf.direction() != Direction.POSITIVE) {
            f.add(pair("direction", leaf.direction().name()));
        }
        leaf.missing().ifPresent(m -> f.add(pair("missing", m.name())));
        leaf.comparison().ifPresent(c -> f.add(pair("comparison", c.name())));
        f.add(rawPair("rule", rule(leaf.rule())));
        leaf.target().ifPresent(t -> f.add(pair("target", t.name())));
        return inline(f);
    }

    private static String rule(Rule r) {
        List<String> f = new ArrayList<>();
        f.add(pair("method", r.method().name()));
        Map<String, Double> rest = new TreeMap<>(r.parameters());
        for (String name : PARAMETER_ORDER) {
            Double v = rest.remove(name);
            if (v != null) {
                f.add(rawPair(name, number(v)));
            }
        }
        rest.forEach((name, v) -> f.add(rawPair(name, number(v))));
        return inline(f);
    }

    private static String derived(Derived d) {
        return inline(List.of(pair("code", d.code()), pair("expr", d.expr())));
    }

    private static String input(Input in) {
        List<String> f = new ArrayList<>();
        f.add(pair("code", in.code()));
        f.add(pair("name", in.name()));
        if (!in.unitOfMeasure().isEmpty()) {
            f.add(pair("unit", in.unitOfMeasure()));
        }
        in.min().ifPresent(v -> f.add(rawPair("min", number(v))));
        in.max().ifPresent(v -> f.add(rawPair("max", number(v))));
        if (in.integer()) {
            f.add(rawPair("integer", "true"));
        }
        return inline(f);
    }

    private static String adjustment(Adjustment a) {
        List<String> f = new ArrayList<>();
        f.add(pair("code", a.code()));
        f.add(pair("name", a.name()));
        f.add(pair("kind", a.kind().name()));
        f.add(rawPair("pointsEach", number(a.pointsEach())));
        a.cap().ifPresent(v -> f.add(rawPair("cap", number(v))));
        return inline(f);
    }

    private static String veto(Veto v) {
        return inline(List.of(pair("code", v.code()), pair("name", v.name())));
    }

    private static String bottomRule(BottomRule r) {
        List<String> f = new ArrayList<>();
        f.add(pair("rule", r.kind().name()));
        String parameter = r.kind().parameterName();
        if (!parameter.isEmpty() && !Double.isNaN(r.parameter())) {
            f.add(rawPair(parameter, number(r.parameter())));
        }
        return inline(f);
    }

    private static String cityTarget(CityTarget t) {
        List<String> f = new ArrayList<>();
        f.add(pair("code", t.code()));
        f.add(pair("name", t.name()));
        f.add(rawPair("target", number(t.target())));
        f.add(rawPair("year", Integer.toString(t.year())));
        f.add(pair("aggregate", t.aggregate().name()));
        t.cumulativeFrom().ifPresent(y -> f.add(rawPair("cumulativeFrom", Integer.toString(y))));
        t.baseline().ifPresent(b -> f.add(rawPair("baseline", inline(List.of(
                rawPair("year", Integer.toString(b.year())), rawPair("value", number(b.value())))))));
        return inline(f);
    }

    // ---- text ----

    private static String lines(List<String> items, int indent) {
        if (items.isEmpty()) {
            return "[]";
        }
        String pad = " ".repeat(indent);
        return "[\n" + pad + String.join(",\n" + pad, items) + "\n" + " ".repeat(indent - 2) + "]";
    }

    private static String inline(List<String> pairs) {
        return "{" + String.join(", ", pairs) + "}";
    }

    private static String strings(List<String> values) {
        return "[" + String.join(", ", values.stream().map(SchemeWriter::quote).toList()) + "]";
    }

    private static String pair(String name, String text) {
        return rawPair(name, quote(text));
    }

    private static String rawPair(String name, String json) {
        return quote(name) + ": " + json;
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a scheme file cannot hold the number " + v);
        }
        if (v == 0 && 1 / v < 0) {
            return "-0.0"; // "-0" would read back as an integer zero, losing the sign
        }
        String s = NumberText.format(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
