package org.sanlian.workbench.io.scheme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.SchemeValidator;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.io.data.FileProblems;
import org.sanlian.workbench.core.model.Adjustment;
import org.sanlian.workbench.core.model.Aggregation;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.model.Comparison;
import org.sanlian.workbench.core.model.Derived;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Direction;
import org.sanlian.workbench.core.model.Indicator;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Method;
import org.sanlian.workbench.core.model.MissingPolicy;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.PeriodKind;
import org.sanlian.workbench.core.model.Rule;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.SensitivitySettings;
import org.sanlian.workbench.core.model.TargetSource;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Veto;
import org.sanlian.workbench.core.model.Zone;

/**
 * Reads a scheme file (FORMATS.md, {@code sanlian-scheme/1}). The JSON tree is walked by hand rather
 * than bound to classes so that every problem can be named by its field path: invalid JSON
 * ({@code scheme.json:12:5}), another {@code format}, unknown fields, wrong types, missing required
 * fields and unknown enum values; then the scheme is checked by {@link SchemeValidator}. All issues
 * of a file are collected and thrown together as one {@link ValidationException}; their
 * {@code where} is {@code <source>: <field path>}.
 *
 * <p>Where a part of the file cannot be read, a placeholder keeps the lists in the file's order (so
 * that the validator's paths stay right) and the validator's findings at or under that part are
 * dropped: they would only repeat the problem already reported.
 */
public final class SchemeReader {

    /** The {@code format} value this reader accepts. */
    public static final String FORMAT = "sanlian-scheme/1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final List<String> TOP = List.of("format", "code", "name", "periodKind", "aggregation",
            "comparison", "decimals", "tieBreak", "bonusCap", "penaltyCap", "units", "zones", "tree", "derived",
            "inputs", "adjustments", "vetoes", "bottomRules", "sensitivity", "cityTargets");
    private static final List<String> UNIT = List.of("code", "name");
    private static final List<String> ZONE = List.of("code", "name", "units");
    private static final List<String> DIMENSION = List.of("code", "name", "weight", "children");
    private static final List<String> LEAF = List.of("code", "name", "unit", "weight", "direction", "missing",
            "comparison", "rule", "target");
    private static final List<String> DERIVED = List.of("code", "expr");
    private static final List<String> INPUT = List.of("code", "name", "unit", "min", "max", "integer");
    private static final List<String> ADJUSTMENT = List.of("code", "name", "kind", "pointsEach", "cap");
    private static final List<String> VETO = List.of("code", "name");
    private static final List<String> SENSITIVITY = List.of("draws", "spread", "seed");
    private static final List<String> CITY_TARGET = List.of("code", "name", "target", "year", "aggregate",
            "cumulativeFrom", "baseline");
    private static final List<String> BASELINE = List.of("year", "value");

    /** Validator findings about references, which an unreadable code of a leaf, input or derived entry would make up. */
    private static final String[] REFERENCES = {"scheme.unknown-code", "scheme.unknown-tie-break",
        "scheme.city-target-unknown-code", "scheme.recompute-needs-derived"};

    private SchemeReader() {
    }

    /** Reads a scheme file; issues name the file as given. */
    public static Scheme read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
        return parse(bytes, file.toString());
    }

    /** Reads a scheme from a stream (not closed here); {@code sourceName} is what issues call it. */
    public static Scheme read(InputStream in, String sourceName) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw unreadable(sourceName, e);
        }
        return parse(bytes, sourceName);
    }

    /** Reads a scheme from JSON text (as {@link SchemeWriter#toJson} writes it). */
    public static Scheme fromJson(String json, String sourceName) {
        return parse(json.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    private static ValidationException unreadable(String name, IOException e) {
        return FileProblems.unreadable(name, e);
    }

    private static Scheme parse(byte[] bytes, String name) {
        String text = decode(bytes, name);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ValidationException(syntax(e, name));
        }
        if (root == null || !root.isObject()) {
            String found = root == null || root.isMissingNode() ? "" : Walk.describe(root);
            throw new ValidationException(Issue.of(name, "scheme.root-not-object", found));
        }
        Walk walk = new Walk();
        Optional<Scheme> scheme = walk.scheme((ObjectNode) root);
        List<Issue> issues = new ArrayList<>();
        for (Issue i : walk.issues) {
            issues.add(located(name, i));
        }
        if (scheme.isPresent()) {
            for (Issue i : SchemeValidator.validate(scheme.get())) {
                if (!walk.covers(i)) {
                    issues.add(located(name, i));
                }
            }
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        return scheme.orElseThrow();
    }

    private static Issue located(String name, Issue i) {
        return new Issue(i.where().isEmpty() ? name : name + ": " + i.where(), i.code(), i.args());
    }

    /** UTF-8 without or with a byte-order mark; anything else is refused at the line of the first bad byte. */
    private static String decode(byte[] bytes, String name) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        if (bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0 || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            // UTF-16 (a byte-order mark, or the zero byte of "{" in UTF-16): say so, not "GBK"
            throw new ValidationException(Issue.of(name + ":1", "json.utf16"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ValidationException(Issue.of(name + ":" + line, "json.bad-encoding", line));
        }
        return out.flip().toString();
    }

    private static Issue syntax(JsonProcessingException e, String name) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? name : name + ":" + at.getLineNr() + ":" + at.getColumnNr();
        String message = String.valueOf(e.getOriginalMessage());
        String duplicate = "Duplicate field '";
        if (message.startsWith(duplicate) && message.indexOf('\'', duplicate.length()) > 0) {
            return Issue.of(where, "json.duplicate-key", message.substring(duplicate.length(),
                    message.indexOf('\'', duplicate.length())));
        }
        return Issue.of(where, "json.syntax", message.lines().findFirst().orElse(message));
    }

    /**
     * One pass over the JSON tree. Issues carry bare field paths here; {@code cover} records the
     * parts already reported (placeholders stand in for them) and {@code quietCodes} the validator
     * findings that a missing section would only make up.
     */
    private static final class Walk {
        final List<Issue> issues = new ArrayList<>();
        private final Set<String> cover = new HashSet<>();
        private final Set<String> quietCodes = new HashSet<>();
        private int muted;
        private int reported;

        // ---- the scheme ----

        Optional<Scheme> scheme(ObjectNode o) {
            JsonNode format = present(o, "format");
            if (format == null) {
                issue("format", "scheme.missing-field", "format");
            } else if (!format.isTextual() || !format.asText().equals(FORMAT)) {
                issue("format", "scheme.unsupported-format", format.isTextual() ? format.asText() : describe(format), FORMAT);
                return Optional.empty(); // another version's fields would only show up as unknown
            }
            fields(o, "", TOP);
            String code = requiredText(o, "", "code");
            String name = requiredText(o, "", "name");
            PeriodKind periodKind = enumValue(o, "", "periodKind", PeriodKind.class).orElse(PeriodKind.YEAR);
            Optional<Aggregation> aggregation = enumValue(o, "", "aggregation", Aggregation.class);
            if (aggregation.isEmpty() && present(o, "aggregation") != null) {
                quiet("scheme.rule-not-allowed", "scheme.dimension-weight-mismatch", "scheme.dimension-weight-needed");
            }
            Comparison comparison = enumValue(o, "", "comparison", Comparison.class).orElse(Comparison.ALL);
            int decimals = integer(o, "", "decimals").orElse(Scheme.DEFAULT_DECIMALS);
            List<String> tieBreak = texts(o, "", "tieBreak", false);
            double bonusCap = number(o, "", "bonusCap").orElse(Scheme.DEFAULT_BONUS_CAP);
            OptionalDouble penaltyCap = number(o, "", "penaltyCap");

            List<Unit> units = new ArrayList<>();
            if (!list(o, "", "units", true, (e, at) -> units.add(unit(e, at)))) {
                quiet("scheme.unknown-unit");
            }
            List<Zone> zones = new ArrayList<>();
            if (!list(o, "", "zones", true, (e, at) -> zones.add(zone(e, at)))) {
                quiet("scheme.unit-without-zone");
            }
            List<Node> tree = new ArrayList<>();
            if (!list(o, "", "tree", true, (e, at) -> tree.add(node(e, at)))) {
                quiet("scheme.unknown-tie-break", "scheme.unknown-code", "scheme.city-target-unknown-code",
                        "scheme.recompute-needs-derived");
            }
            List<Derived> derived = new ArrayList<>();
            list(o, "", "derived", false, (e, at) -> derived.add(derived(e, at)));
            List<Input> inputs = new ArrayList<>();
            if (!list(o, "", "inputs", false, (e, at) -> inputs.add(input(e, at)))) {
                quiet("scheme.unknown-code", "scheme.city-target-unknown-code");
            }
            List<Adjustment> adjustments = new ArrayList<>();
            list(o, "", "adjustments", false, (e, at) -> adjustments.add(adjustment(e, at)));
            List<Veto> vetoes = new ArrayList<>();
            list(o, "", "vetoes", false, (e, at) -> vetoes.add(veto(e, at)));
            List<BottomRule> bottomRules = new ArrayList<>();
            list(o, "", "bottomRules", false, (e, at) -> bottomRules.add(bottomRule(e, at)));
            SensitivitySettings sensitivity = sensitivity(o);
            List<CityTarget> cityTargets = new ArrayList<>();
            list(o, "", "cityTargets", false, (e, at) -> cityTargets.add(cityTarget(e, at)));

            return Optional.of(new Scheme(code, name, periodKind, aggregation.orElse(Aggregation.POINTS), comparison,
                    decimals, tieBreak, bonusCap, penaltyCap, units, zones, tree, derived, inputs, adjustments,
                    vetoes, bottomRules, sensitivity, cityTargets));
        }

        private Unit unit(ObjectNode o, String at) {
            fields(o, at, UNIT);
            return new Unit(code(o, at, "scheme.unknown-unit", "scheme.unit-without-zone"), requiredText(o, at, "name"));
        }

        private Zone zone(ObjectNode o, String at) {
            fields(o, at, ZONE);
            String code = requiredText(o, at, "code");
            String name = requiredText(o, at, "name");
            int before = reported;
            List<String> units = texts(o, at, "units", true);
            if (reported != before) {
                quiet("scheme.unit-without-zone");
            }
            return new Zone(code, name, units);
        }

        private Node node(ObjectNode o, String at) {
            if (present(o, "children") != null) {
                fields(o, at, DIMENSION);
                String code = code(o, at, "scheme.unknown-tie-break");
                String name = requiredText(o, at, "name");
                OptionalDouble weight = number(o, at, "weight");
                List<Node> children = new ArrayList<>();
                list(o, at, "children", true, (e, p) -> children.add(node(e, p)));
                return new Dimension(code, name, weight, children);
            }
            fields(o, at, LEAF);
            String code = code(o, at, REFERENCES);
            String name = requiredText(o, at, "name");
            String unit = text(o, at, "unit").orElse("");
            double weight = requiredNumber(o, at, "weight");
            Direction direction = enumValue(o, at, "direction", Direction.class).orElse(Direction.POSITIVE);
            Optional<MissingPolicy> missing = enumValue(o, at, "missing", MissingPolicy.class);
            Optional<Comparison> comparison = enumValue(o, at, "comparison", Comparison.class);
            Optional<Rule> rule = rule(o, at);
            Optional<TargetSource> target = enumValue(o, at, "target", TargetSource.class);
            if (rule.isEmpty()) {
                // Without a method the rule's parameters and target cannot be judged.
                cover.add(path(at, "rule"));
                cover.add(path(at, "target"));
            }
            return new Indicator(code, name, unit, weight, direction,
                    rule.orElse(Rule.of(Method.TARGET_COMPLETION)), target, missing, comparison);
        }

        private Optional<Rule> rule(ObjectNode leaf, String at) {
            String rulePath = path(at, "rule");
            JsonNode node = present(leaf, "rule");
            if (node == null) {
                issue(rulePath, "scheme.missing-field", "rule");
                return Optional.empty();
            }
            if (!node.isObject()) {
                issue(rulePath, "scheme.not-an-object", "rule", describe(node));
                return Optional.empty();
            }
            ObjectNode o = (ObjectNode) node;
            Optional<Method> method = enumValue(o, rulePath, "method", Method.class);
            if (method.isEmpty() && present(o, "method") == null) {
                issue(path(rulePath, "method"), "scheme.missing-field", "method");
            }
            Map<String, Double> parameters = new TreeMap<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String p = it.next();
                if (p.equals("method")) {
                    continue;
                }
                number(o, rulePath, p).ifPresent(v -> parameters.put(p, v));
            }
            return method.map(m -> new Rule(m, parameters));
        }

        private Derived derived(ObjectNode o, String at) {
            fields(o, at, DERIVED);
            return new Derived(code(o, at, REFERENCES), requiredText(o, at, "expr"));
        }

        private Input input(ObjectNode o, String at) {
            fields(o, at, INPUT);
            String code = code(o, at, REFERENCES);
            String name = requiredText(o, at, "name");
            String unit = text(o, at, "unit").orElse("");
            OptionalDouble min = number(o, at, "min");
            OptionalDouble max = number(o, at, "max");
            boolean integer = bool(o, at, "integer").orElse(false);
            return new Input(code, name, unit, min, max, integer);
        }

        private Adjustment adjustment(ObjectNode o, String at) {
            fields(o, at, ADJUSTMENT);
            String code = requiredText(o, at, "code");
            String name = requiredText(o, at, "name");
            Optional<Adjustment.Kind> kind = enumValue(o, at, "kind", Adjustment.Kind.class);
            if (kind.isEmpty() && present(o, "kind") == null) {
                issue(path(at, "kind"), "scheme.missing-field", "kind");
            }
            double pointsEach = requiredNumber(o, at, "pointsEach");
            OptionalDouble cap = number(o, at, "cap");
            return new Adjustment(code, name, kind.orElse(Adjustment.Kind.BONUS), pointsEach, cap);
        }

        private Veto veto(ObjectNode o, String at) {
            fields(o, at, VETO);
            return new Veto(requiredText(o, at, "code"), requiredText(o, at, "name"));
        }

        private BottomRule bottomRule(ObjectNode o, String at) {
            Optional<BottomRule.Kind> kind = enumValue(o, at, "rule", BottomRule.Kind.class);
            if (kind.isEmpty()) {
                if (present(o, "rule") == null) {
                    issue(path(at, "rule"), "scheme.missing-field", "rule");
                }
                cover.add(at);
                return BottomRule.of(BottomRule.Kind.VETO);
            }
            String parameter = kind.get().parameterName();
            fields(o, at, parameter.isEmpty() ? List.of("rule") : List.of("rule", parameter));
            double value = parameter.isEmpty() ? kind.get().defaultParameter()
                    : number(o, at, parameter).orElse(kind.get().defaultParameter());
            return new BottomRule(kind.get(), value);
        }

        private SensitivitySettings sensitivity(ObjectNode top) {
            SensitivitySettings d = SensitivitySettings.DEFAULT;
            ObjectNode o = object(top, "", "sensitivity");
            if (o == null) {
                return d;
            }
            fields(o, "sensitivity", SENSITIVITY);
            return new SensitivitySettings(integer(o, "sensitivity", "draws").orElse(d.draws()),
                    number(o, "sensitivity", "spread").orElse(d.spread()),
                    longValue(o, "sensitivity", "seed").orElse(d.seed()));
        }

        private CityTarget cityTarget(ObjectNode o, String at) {
            fields(o, at, CITY_TARGET);
            String code = requiredText(o, at, "code");
            String name = requiredText(o, at, "name");
            double target = requiredNumber(o, at, "target");
            OptionalInt year = integer(o, at, "year");
            if (year.isEmpty() && present(o, "year") == null) {
                issue(path(at, "year"), "scheme.missing-field", "year");
            }
            Optional<CityTarget.CityAggregate> aggregate = enumValue(o, at, "aggregate", CityTarget.CityAggregate.class);
            if (aggregate.isEmpty()) {
                if (present(o, "aggregate") == null) {
                    issue(path(at, "aggregate"), "scheme.missing-field", "aggregate");
                }
                cover.add(path(at, "aggregate"));
            }
            if (year.isEmpty()) {
                cover.add(path(at, "cumulativeFrom"));
                cover.add(path(at, "baseline"));
            }
            OptionalInt cumulativeFrom = integer(o, at, "cumulativeFrom");
            Optional<CityTarget.Baseline> baseline = Optional.empty();
            ObjectNode b = object(o, at, "baseline");
            if (b != null) {
                String bat = path(at, "baseline");
                fields(b, bat, BASELINE);
                OptionalInt by = integer(b, bat, "year");
                if (by.isEmpty() && present(b, "year") == null) {
                    issue(path(bat, "year"), "scheme.missing-field", "year");
                }
                double value = requiredNumber(b, bat, "value");
                baseline = Optional.of(new CityTarget.Baseline(by.orElse(0), value));
            }
            return new CityTarget(code, name, target, year.orElse(0), aggregate.orElse(CityTarget.CityAggregate.SUM),
                    cumulativeFrom, baseline);
        }

        // ---- typed access; each reports what is wrong at the field's path ----

        private interface Element {
            void read(ObjectNode element, String path);
        }

        /** Reads a list of objects; false when the list is required but absent, or is not a list. */
        private boolean list(ObjectNode o, String at, String name, boolean required, Element element) {
            String p = path(at, name);
            JsonNode node = present(o, name);
            if (node == null) {
                if (required) {
                    issue(p, "scheme.missing-field", name);
                }
                return !required;
            }
            if (!node.isArray()) {
                issue(p, "scheme.not-a-list", name, describe(node));
                return false;
            }
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String ep = p + "[" + i + "]";
                JsonNode e = array.get(i);
                if (e.isObject()) {
                    element.read((ObjectNode) e, ep);
                } else {
                    issue(ep, "scheme.not-an-object", name + "[" + i + "]", describe(e));
                    muted++;
                    try {
                        element.read(JsonNodeFactory.instance.objectNode(), ep); // a placeholder keeps the positions
                    } finally {
                        muted--;
                    }
                }
            }
            return true;
        }

        private List<String> texts(ObjectNode o, String at, String name, boolean required) {
            String p = path(at, name);
            JsonNode node = present(o, name);
            List<String> out = new ArrayList<>();
            if (node == null) {
                if (required) {
                    issue(p, "scheme.missing-field", name);
                }
                return out;
            }
            if (!node.isArray()) {
                issue(p, "scheme.not-a-list", name, describe(node));
                return out;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode e = node.get(i);
                if (e.isTextual()) {
                    out.add(e.asText());
                } else {
                    issue(p + "[" + i + "]", "scheme.not-a-string", name + "[" + i + "]", describe(e));
                    out.add("");
                }
            }
            return out;
        }

        private ObjectNode object(ObjectNode o, String at, String name) {
            JsonNode node = present(o, name);
            if (node == null) {
                return null;
            }
            if (!node.isObject()) {
                issue(path(at, name), "scheme.not-an-object", name, describe(node));
                return null;
            }
            return (ObjectNode) node;
        }

        /** A required code; when it cannot be read, the validator's findings that depend on it are quieted. */
        private String code(ObjectNode o, String at, String... quietIfUnreadable) {
            int before = reported;
            String code = requiredText(o, at, "code");
            if (reported != before) {
                quiet(quietIfUnreadable);
            }
            return code;
        }

        private String requiredText(ObjectNode o, String at, String name) {
            Optional<String> v = text(o, at, name);
            if (v.isEmpty() && present(o, name) == null) {
                issue(path(at, name), "scheme.missing-field", name);
            }
            return v.orElse("");
        }

        private Optional<String> text(ObjectNode o, String at, String name) {
            JsonNode node = present(o, name);
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isTextual()) {
                issue(path(at, name), "scheme.not-a-string", name, describe(node));
                return Optional.empty();
            }
            return Optional.of(node.asText());
        }

        private double requiredNumber(ObjectNode o, String at, String name) {
            OptionalDouble v = number(o, at, name);
            if (v.isEmpty() && present(o, name) == null) {
                issue(path(at, name), "scheme.missing-field", name);
            }
            return v.orElse(Double.NaN);
        }

        private OptionalDouble number(ObjectNode o, String at, String name) {
            JsonNode node = present(o, name);
            if (node == null) {
                return OptionalDouble.empty();
            }
            if (!node.isNumber()) {
                issue(path(at, name), "scheme.not-a-number", name, describe(node));
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(node.doubleValue());
        }

        private OptionalInt integer(ObjectNode o, String at, String name) {
            JsonNode node = present(o, name);
            if (node == null) {
                return OptionalInt.empty();
            }
            if (node.isNumber() && isWhole(node) && node.doubleValue() >= Integer.MIN_VALUE
                    && node.doubleValue() <= Integer.MAX_VALUE) {
                return OptionalInt.of((int) node.doubleValue());
            }
            issue(path(at, name), "scheme.not-an-integer", name, describe(node));
            return OptionalInt.empty();
        }

        private Optional<Long> longValue(ObjectNode o, String at, String name) {
            JsonNode node = present(o, name);
            if (node == null) {
                return Optional.empty();
            }
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return Optional.of(node.longValue());
            }
            if (node.isNumber() && isWhole(node) && Math.abs(node.doubleValue()) < 9.0e15) {
                return Optional.of((long) node.doubleValue());
            }
            issue(path(at, name), "scheme.not-an-integer", name, describe(node));
            return Optional.empty();
        }

        private static boolean isWhole(JsonNode n) {
            double d = n.doubleValue();
            return Double.isFinite(d) && d == Math.rint(d);
        }

        private Optional<Boolean> bool(ObjectNode o, String at, String name) {
            JsonNode node = present(o, name);
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isBoolean()) {
                issue(path(at, name), "scheme.not-a-boolean", name, describe(node));
                return Optional.empty();
            }
            return Optional.of(node.booleanValue());
        }

        private <E extends Enum<E>> Optional<E> enumValue(ObjectNode o, String at, String name, Class<E> type) {
            Optional<String> text = text(o, at, name);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text.get())) {
                    return Optional.of(e);
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                allowed.add(e.name());
            }
            issue(path(at, name), "scheme.unknown-value", text.get(), name, String.join(", ", allowed));
            return Optional.empty();
        }

        private void fields(ObjectNode o, String at, List<String> allowed) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    issue(path(at, f), "scheme.unknown-field", f, String.join(", ", allowed));
                }
            }
        }

        /** A field's value; null when absent or JSON {@code null} (both mean "not given"). */
        private static JsonNode present(ObjectNode o, String name) {
            JsonNode n = o.get(name);
            return n == null || n.isNull() ? null : n;
        }

        static String describe(JsonNode n) {
            String s = n.toString();
            return s.length() <= 40 ? s : s.substring(0, 39) + "…";
        }

        private static String path(String at, String name) {
            return at.isEmpty() ? name : at + "." + name;
        }

        // ---- issues and what they cover ----

        private void issue(String path, String code, Object... args) {
            cover.add(path);
            reported++;
            if (muted == 0) {
                issues.add(Issue.of(path, code, args));
            }
        }

        private void quiet(String... codes) {
            quietCodes.addAll(List.of(codes));
        }

        /** Whether a validator finding is about a part already reported (or made up by its placeholder). */
        boolean covers(Issue i) {
            if (quietCodes.contains(i.code()) || covered(i.where())) {
                return true;
            }
            for (String a : i.args()) {
                // Arguments that name another place in the file (a duplicate's first path) have an index.
                if (a.contains("[") && covered(a)) {
                    return true;
                }
            }
            return false;
        }

        private boolean covered(String path) {
            for (String c : cover) {
                if (path.equals(c) || path.startsWith(c + ".") || path.startsWith(c + "[")) {
                    return true;
                }
            }
            return false;
        }
    }
}
