package org.sanlian.workbench.io.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.SchemeValidator;
import org.sanlian.workbench.core.check.ValidationException;
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
import org.sanlian.workbench.i18n.Messages;

class SchemeReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "/example/scheme.json";

    private static String resource(String name) {
        try (InputStream in = SchemeReaderTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Issue> issuesOf(String json) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> SchemeReader.fromJson(json, "scheme.json"));
        assertThat(e).as("the file is refused").isNotNull();
        return e.issues();
    }

    /** The example scheme with one change made on its JSON tree. */
    private static String example(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(resource(EXAMPLE));
            change.accept(root);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static Arguments bad(String what, Consumer<ObjectNode> change, String code, String where) {
        return Arguments.of(what, change, code, where);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("no format", o -> o.remove("format"), "scheme.missing-field", "scheme.json: format"),
                bad("an unknown top-level field", o -> o.put("bonusCapp", 3), "scheme.unknown-field", "scheme.json: bonusCapp"),
                bad("an unknown field of a leaf", o -> at(o, "/tree/0/children/2").put("colour", "red"),
                        "scheme.unknown-field", "scheme.json: tree[0].children[2].colour"),
                bad("a leaf's field on a dimension", o -> at(o, "/tree/0").put("direction", "POSITIVE"),
                        "scheme.unknown-field", "scheme.json: tree[0].direction"),
                bad("an unknown field of a unit", o -> at(o, "/units/0").put("nmae", "x"),
                        "scheme.unknown-field", "scheme.json: units[0].nmae"),
                bad("a parameter on a bottom rule that takes none", o -> at(o, "/bottomRules/2").put("n", 1),
                        "scheme.unknown-field", "scheme.json: bottomRules[2].n"),
                bad("an unknown sensitivity setting", o -> o.putObject("sensitivity").put("sigma", 1),
                        "scheme.unknown-field", "scheme.json: sensitivity.sigma"),
                bad("an unknown field of a city target's baseline", o -> o.putArray("cityTargets").addObject()
                        .put("code", "RD_INT").put("name", "x").put("target", 3).put("year", 2026).put("aggregate", "RECOMPUTE")
                        .putObject("baseline").put("year", 2021).put("value", 2).put("month", 1),
                        "scheme.unknown-field", "scheme.json: cityTargets[0].baseline.month"),
                bad("a rule parameter given as text", o -> at(o, "/tree/0/children/0/rule").put("cap", "1.2"),
                        "scheme.not-a-number", "scheme.json: tree[0].children[0].rule.cap"),
                bad("a weight given as text", o -> at(o, "/tree/1/children/0").put("weight", "15"),
                        "scheme.not-a-number", "scheme.json: tree[1].children[0].weight"),
                bad("a unit code given as a number", o -> at(o, "/units/0").put("code", 1),
                        "scheme.not-a-string", "scheme.json: units[0].code"),
                bad("a zone's unit given as a number", o -> ((ArrayNode) o.at("/zones/1/units")).set(2, 3),
                        "scheme.not-a-string", "scheme.json: zones[1].units[2]"),
                bad("decimals with a fraction", o -> o.put("decimals", 2.5), "scheme.not-an-integer", "scheme.json: decimals"),
                bad("a seed with a fraction", o -> o.putObject("sensitivity").put("seed", 1.5),
                        "scheme.not-an-integer", "scheme.json: sensitivity.seed"),
                bad("integer given as text", o -> at(o, "/inputs/1").put("integer", "yes"),
                        "scheme.not-a-boolean", "scheme.json: inputs[1].integer"),
                bad("vetoes as an object", o -> o.putObject("vetoes").put("code", "V"), "scheme.not-a-list", "scheme.json: vetoes"),
                bad("a veto as text", o -> ((ArrayNode) o.get("vetoes")).set(0, "V_FRAUD"),
                        "scheme.not-an-object", "scheme.json: vetoes[0]"),
                bad("a tree node as a number", o -> ((ArrayNode) o.at("/tree/1/children")).set(0, 5),
                        "scheme.not-an-object", "scheme.json: tree[1].children[0]"),
                bad("a rule as text", o -> at(o, "/tree/0/children/1").put("rule", "EFFICACY"),
                        "scheme.not-an-object", "scheme.json: tree[0].children[1].rule"),
                bad("no code", o -> o.remove("code"), "scheme.missing-field", "scheme.json: code"),
                bad("a null name", o -> o.putNull("name"), "scheme.missing-field", "scheme.json: name"),
                bad("no units", o -> o.remove("units"), "scheme.missing-field", "scheme.json: units"),
                bad("no zones", o -> o.remove("zones"), "scheme.missing-field", "scheme.json: zones"),
                bad("no tree", o -> o.remove("tree"), "scheme.missing-field", "scheme.json: tree"),
                bad("a unit without a name", o -> at(o, "/units/3").remove("name"), "scheme.missing-field", "scheme.json: units[3].name"),
                bad("a zone without units", o -> at(o, "/zones/0").remove("units"), "scheme.missing-field", "scheme.json: zones[0].units"),
                bad("a leaf without a weight", o -> at(o, "/tree/1/children/0").remove("weight"),
                        "scheme.missing-field", "scheme.json: tree[1].children[0].weight"),
                bad("a leaf without a rule", o -> at(o, "/tree/0/children/0").remove("rule"),
                        "scheme.missing-field", "scheme.json: tree[0].children[0].rule"),
                bad("a rule without a method", o -> at(o, "/tree/0/children/0/rule").remove("method"),
                        "scheme.missing-field", "scheme.json: tree[0].children[0].rule.method"),
                bad("a derived entry without a code", o -> at(o, "/derived/0").remove("code"),
                        "scheme.missing-field", "scheme.json: derived[0].code"),
                bad("a derived entry without an expression", o -> at(o, "/derived/1").remove("expr"),
                        "scheme.missing-field", "scheme.json: derived[1].expr"),
                bad("an adjustment without a kind", o -> at(o, "/adjustments/0").remove("kind"),
                        "scheme.missing-field", "scheme.json: adjustments[0].kind"),
                bad("an adjustment without points each", o -> at(o, "/adjustments/1").remove("pointsEach"),
                        "scheme.missing-field", "scheme.json: adjustments[1].pointsEach"),
                bad("a bottom rule without its rule", o -> at(o, "/bottomRules/0").remove("rule"),
                        "scheme.missing-field", "scheme.json: bottomRules[0].rule"),
                bad("BELOW_SCORE without a score", o -> at(o, "/bottomRules/1").remove("score"),
                        "scheme.missing-field", "scheme.json: bottomRules[1].score"),
                bad("an unknown period kind", o -> o.put("periodKind", "MONTH"), "scheme.unknown-value", "scheme.json: periodKind"),
                bad("an unknown aggregation", o -> o.put("aggregation", "SUM"), "scheme.unknown-value", "scheme.json: aggregation"),
                bad("an unknown method", o -> at(o, "/tree/0/children/0/rule").put("method", "EFFICIENCY"),
                        "scheme.unknown-value", "scheme.json: tree[0].children[0].rule.method"),
                bad("an unknown direction", o -> at(o, "/tree/0/children/1").put("direction", "UP"),
                        "scheme.unknown-value", "scheme.json: tree[0].children[1].direction"),
                bad("an unknown target source", o -> at(o, "/tree/0/children/0").put("target", "SOMETIMES"),
                        "scheme.unknown-value", "scheme.json: tree[0].children[0].target"),
                bad("an unknown missing policy", o -> at(o, "/tree/0/children/1").put("missing", "ZERO_FILL"),
                        "scheme.unknown-value", "scheme.json: tree[0].children[1].missing"),
                bad("an unknown bottom rule", o -> at(o, "/bottomRules/0").put("rule", "TOP_N"),
                        "scheme.unknown-value", "scheme.json: bottomRules[0].rule"),
                bad("an unknown adjustment kind", o -> at(o, "/adjustments/0").put("kind", "BONUSES"),
                        "scheme.unknown-value", "scheme.json: adjustments[0].kind"),
                bad("a cap of 0", o -> at(o, "/tree/0/children/0/rule").put("cap", 0),
                        "scheme.out-of-range", "scheme.json: tree[0].children[0].rule.cap"),
                bad("a zone naming an unknown unit", o -> ((ArrayNode) o.at("/zones/0/units")).add("C9"),
                        "scheme.unknown-unit", "scheme.json: zones[0].units[3]"),
                bad("a dimension weight other than its children's points", o -> at(o, "/tree/0").put("weight", 61),
                        "scheme.dimension-weight-mismatch", "scheme.json: tree[0].weight"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithOneIssueAtTheFieldPath(String what, Consumer<ObjectNode> change, String code, String where) {
        assertThat(issuesOf(example(change))).extracting(Issue::code, Issue::where).containsExactly(tuple(code, where));
    }

    @Test
    void anotherFormatIsTheOnlyIssueReported() {
        String json = example(o -> {
            o.put("format", "sanlian-scheme/2");
            o.put("newField", 1);
        });

        assertThat(issuesOf(json)).containsExactly(
                Issue.of("scheme.json: format", "scheme.unsupported-format", "sanlian-scheme/2", "sanlian-scheme/1"));
    }

    @Test
    void anUnknownFieldListsTheAllowedOnes() {
        assertThat(issuesOf(example(o -> at(o, "/units/0").put("nmae", "x"))))
                .containsExactly(Issue.of("scheme.json: units[0].nmae", "scheme.unknown-field", "nmae", "code, name"));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        assertThat(issuesOf(example(o -> o.put("periodKind", "MONTH"))))
                .containsExactly(Issue.of("scheme.json: periodKind", "scheme.unknown-value", "MONTH", "periodKind",
                        "YEAR, HALF, QUARTER"));
    }

    @Test
    void aWrongTypeShowsWhatWasFound() {
        assertThat(issuesOf(example(o -> at(o, "/tree/0/children/0/rule").put("cap", "1.2"))))
                .containsExactly(Issue.of("scheme.json: tree[0].children[0].rule.cap", "scheme.not-a-number", "cap", "\"1.2\""));
    }

    @Test
    void everyIssueOfAFileIsReportedAtOnce() {
        String json = example(o -> {
            o.put("decimals", "2");
            at(o, "/units/1").put("extra", true);
            at(o, "/tree/0/children/0/rule").put("cap", -1);
            at(o, "/tree/1/children/1/rule").put("method", "RANKING");
            ((ArrayNode) o.get("derived")).addObject().put("code", "X").put("expr", "prev(X)");
        });

        assertThat(issuesOf(json)).extracting(Issue::where).containsExactlyInAnyOrder(
                "scheme.json: decimals", "scheme.json: units[1].extra", "scheme.json: tree[1].children[1].rule.method",
                "scheme.json: tree[0].children[0].rule.cap", "scheme.json: derived[2].expr");
    }

    @Test
    void invalidJsonIsReportedAtItsLineAndColumn() {
        String json = "{\n  \"format\": \"sanlian-scheme/1\"\n  \"code\": \"X\"\n}\n";

        List<Issue> issues = issuesOf(json);

        assertThat(issues).hasSize(1);
        assertThat(issues.get(0).code()).isEqualTo("json.syntax");
        assertThat(issues.get(0).where()).isEqualTo("scheme.json:3:3");
    }

    @Test
    void aFieldGivenTwiceInOneObjectIsRefused() {
        String json = "{\"format\": \"sanlian-scheme/1\",\n \"code\": \"A\", \"code\": \"B\"}";

        assertThat(issuesOf(json)).extracting(Issue::code, Issue::args)
                .containsExactly(tuple("json.duplicate-key", List.of("code")));
    }

    @Test
    void textAfterTheSchemeObjectIsRefused() {
        assertThat(issuesOf(resource(EXAMPLE) + "\n}")).extracting(Issue::code).containsExactly("json.syntax");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "\"scheme\"", "42"})
    void aFileThatHoldsNoJsonObjectIsRefused(String json) {
        assertThat(issuesOf(json)).extracting(Issue::code, Issue::where)
                .containsExactly(tuple("scheme.root-not-object", "scheme.json"));
    }

    @Test
    void aFileSavedInAnotherEncodingIsRefusedAtTheLineOfTheFirstBadByte() {
        byte[] gbk = resource(EXAMPLE).getBytes(Charset.forName("GBK"));

        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> SchemeReader.read(new ByteArrayInputStream(gbk), "scheme.json"));

        assertThat(e.issues()).containsExactly(Issue.of("scheme.json:4", "json.bad-encoding", 4));
    }

    @Test
    void aByteOrderMarkIsAccepted() {
        byte[] text = ("\uFEFF" + resource(EXAMPLE)).getBytes(StandardCharsets.UTF_8);

        Scheme s = SchemeReader.read(new ByteArrayInputStream(text), "scheme.json");

        assertThat(s.code()).isEqualTo("EXAMPLE-2025");
    }

    @Test
    void aMissingFileIsReportedAsNotFound(@TempDir Path dir) {
        Path missing = dir.resolve("nope.scheme.json");

        assertThatThrownBy(() -> SchemeReader.read(missing))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .extracting(Issue::code, Issue::where).containsExactly(tuple("file.not-found", missing.toString())));
    }

    @Test
    void theExampleSchemeIsRead() {
        Scheme s = SchemeReader.read(new ByteArrayInputStream(resource(EXAMPLE).getBytes(StandardCharsets.UTF_8)), "scheme.json");

        assertThat(s.code()).isEqualTo("EXAMPLE-2025");
        assertThat(s.bonusCap()).isEqualTo(3);
        assertThat(s.units()).hasSize(6);
        assertThat(s.zones()).extracting(Zone::code).containsExactly("ZA", "ZB");
        assertThat(s.leaves()).extracting(Indicator::code).containsExactly("RD_INT", "RD_GROWTH", "NOZERO", "TEAMS", "PROJECTS");
        assertThat(s.dimensions()).extracting(Dimension::weight)
                .containsExactly(OptionalDouble.of(60), OptionalDouble.empty());
        Indicator rd = s.leaves().get(0);
        assertThat(rd.rule()).isEqualTo(Rule.of(Method.TARGET_COMPLETION).with("cap", 1.2).with("zeroBelow", 0.5));
        assertThat(rd.target()).contains(TargetSource.COMMITMENT);
        assertThat(s.leaves().get(4).comparison()).contains(Comparison.ZONE);
        assertThat(s.bottomRules()).containsExactly(new BottomRule(BottomRule.Kind.BOTTOM_N_PER_ZONE, 1),
                new BottomRule(BottomRule.Kind.BELOW_SCORE, 50), BottomRule.of(BottomRule.Kind.VETO),
                new BottomRule(BottomRule.Kind.CONSECUTIVE, 2));
    }

    @Test
    void leftOutSettingsTakeTheDocumentedDefaults() {
        String json = """
                {"format": "sanlian-scheme/1", "code": "M", "name": "最小方案",
                 "units": [{"code": "U1", "name": "甲"}],
                 "zones": [{"code": "Z", "name": "全部", "units": ["U1"]}],
                 "tree": [{"code": "L", "name": "指标", "weight": 10, "rule": {"method": "BREAK_ZERO"}}],
                 "penaltyCap": null}
                """;

        Scheme s = SchemeReader.fromJson(json, "scheme.json");

        assertThat(s.periodKind()).isEqualTo(PeriodKind.YEAR);
        assertThat(s.aggregation()).isEqualTo(Aggregation.POINTS);
        assertThat(s.comparison()).isEqualTo(Comparison.ALL);
        assertThat(s.decimals()).isEqualTo(2);
        assertThat(s.bonusCap()).isEqualTo(5);
        assertThat(s.penaltyCap()).isEmpty();
        assertThat(s.tieBreak()).isEmpty();
        assertThat(s.sensitivity()).isEqualTo(new SensitivitySettings(1000, 0.2, 20221022L));
        Indicator leaf = s.leaves().get(0);
        assertThat(leaf.direction()).isEqualTo(Direction.POSITIVE);
        assertThat(leaf.unitOfMeasure()).isEmpty();
        assertThat(leaf.missing()).isEmpty();
        assertThat(leaf.comparison()).isEmpty();
        assertThat(leaf.target()).isEmpty();
        assertThat(s.derived()).isEmpty();
        assertThat(s.bottomRules()).isEmpty();
    }

    @Test
    void aPartialSensitivitySectionKeepsTheOtherDefaults() {
        Scheme s = SchemeReader.fromJson(example(o -> o.putObject("sensitivity").put("draws", 50)), "scheme.json");

        assertThat(s.sensitivity()).isEqualTo(new SensitivitySettings(50, 0.2, 20221022L));
    }

    @ParameterizedTest
    @ValueSource(strings = {EXAMPLE, "/org/sanlian/workbench/schemes/sanlian-2025.scheme.json", "/asem/asem.scheme.json"})
    void aSchemeWrittenAndReadBackIsEqual(String name) {
        Scheme s = SchemeReader.fromJson(resource(name), name);

        String written = SchemeWriter.toJson(s);

        assertThat(SchemeReader.fromJson(written, "written.json")).isEqualTo(s);
        assertThat(SchemeWriter.toJson(SchemeReader.fromJson(written, "written.json"))).isEqualTo(written);
    }

    @Test
    void aSchemeWithEveryFeatureIsWrittenAndReadBackEqual(@TempDir Path dir) {
        Scheme s = everyFeature();
        Path file = dir.resolve("all.scheme.json");

        SchemeWriter.write(s, file);

        assertThat(SchemeReader.read(file)).isEqualTo(s);
    }

    @Test
    void theWriterFollowsTheLayoutOfTheFormat() {
        Scheme s = SchemeReader.fromJson(resource(EXAMPLE), "scheme.json");

        String json = SchemeWriter.toJson(s);

        assertThat(json).startsWith("""
                {
                  "format": "sanlian-scheme/1",
                  "code": "EXAMPLE-2025",
                  "name": "示例方案（格式样例）",
                  "periodKind": "YEAR",
                  "aggregation": "POINTS",
                  "comparison": "ALL",
                  "decimals": 2,
                  "bonusCap": 3,
                  "units": [
                    {"code": "A1", "name": "甲县"},
                """);
        assertThat(json).contains("""
                  "tree": [
                    {"code": "INNOV", "name": "创新链", "weight": 60, "children": [
                      {"code": "RD_INT", "name": "R&D经费支出占GDP比重", "unit": "%", "weight": 30, \
                "rule": {"method": "TARGET_COMPLETION", "cap": 1.2, "zeroBelow": 0.5}, "target": "COMMITMENT"},
                """);
        assertThat(json).contains("""
                    ]},
                    {"code": "TALENT", "name": "人才链", "children": [
                """);
        assertThat(json).contains("""
                  "bottomRules": [
                    {"rule": "BOTTOM_N_PER_ZONE", "n": 1},
                    {"rule": "BELOW_SCORE", "score": 50},
                    {"rule": "VETO"},
                    {"rule": "CONSECUTIVE", "periods": 2}
                  ]
                }
                """);
        assertThat(json).doesNotContain("direction", "sensitivity", "penaltyCap", "cityTargets", "tieBreak");
    }

    @Test
    void theWriterRefusesANumberThatJsonCannotHold() {
        Scheme s = SchemeReader.fromJson(resource(EXAMPLE), "scheme.json");
        Indicator leaf = s.leaves().get(0).withWeight(Double.NaN);
        Dimension d = (Dimension) s.tree().get(0);
        List<Node> children = new ArrayList<>(d.children());
        children.set(0, leaf);
        Scheme broken = s.withTree(List.of(new Dimension(d.code(), d.name(), d.weight(), children), s.tree().get(1)));

        assertThatThrownBy(() -> SchemeWriter.toJson(broken)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileThatCannotBeWrittenIsReported(@TempDir Path dir) {
        Scheme s = SchemeReader.fromJson(resource(EXAMPLE), "scheme.json");
        Path file = dir.resolve("no-such-folder").resolve("s.json");

        assertThatThrownBy(() -> SchemeWriter.write(s, file))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .extracting(Issue::code).containsExactly("file.unwritable"));
    }

    @Test
    void readingAFileNamesItInEveryIssue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.scheme.json");
        Files.writeString(file, example(o -> o.put("decimals", 12)));

        assertThatThrownBy(() -> SchemeReader.read(file))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.issues())
                        .extracting(Issue::where).containsExactly(file + ": decimals"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scheme.blank", "scheme.code-spaces", "scheme.duplicate-code", "scheme.reserved-code",
        "scheme.no-units", "scheme.unknown-unit", "scheme.unit-in-two-zones", "scheme.unit-without-zone", "scheme.no-tree",
        "scheme.empty-dimension", "scheme.weight-not-positive", "scheme.dimension-weight-mismatch",
        "scheme.dimension-weight-needed", "scheme.rule-not-allowed", "scheme.unknown-rule-parameter",
        "scheme.out-of-range", "scheme.bounds-order", "scheme.not-finite", "scheme.target-needed",
        "scheme.target-not-used", "scheme.fixed-target-needed", "scheme.target-without-fixed",
        "scheme.unknown-tie-break", "scheme.unknown-code", "scheme.derived-cycle", "scheme.missing-field",
        "scheme.duplicate-bottom-rule", "scheme.city-target-unknown-code", "scheme.recompute-needs-derived",
        "scheme.unsupported-format", "scheme.unknown-field", "scheme.not-a-string", "scheme.not-a-number",
        "scheme.not-an-integer", "scheme.not-a-boolean", "scheme.not-an-object", "scheme.not-a-list",
        "scheme.unknown-value", "scheme.root-not-object", "json.syntax", "json.duplicate-key", "json.bad-encoding",
        "expr.empty", "expr.unexpected", "expr.expected-end", "expr.expected", "expr.unexpected-end", "expr.reserved",
        "expr.prev-needs-code", "expr.arity", "expr.bad-number", "file.unreadable", "file.unwritable"})
    void everyIssueCodeHasAFilledInSentenceInChineseAndEnglish(String code) {
        Object[] args = {"a0", "a1", "a2", "a3", "a4"};
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Messages m = new Messages(locale);
            assertThat(m.has("issue." + code)).as("%s in %s", code, locale).isTrue();
            String text = m.text("issue." + code, args);
            assertThat(text).as("%s in %s", code, locale).doesNotContain("{", "}").doesNotContainPattern("(?<![a-z])'(?!s )");
        }
    }

    @Test
    void anIssueReadsAsASentenceThatNamesTheFileAndField() {
        Issue issue = issuesOf(example(o -> at(o, "/tree/0/children/0/rule").put("cap", 0))).get(0);

        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).describe(issue))
                .isEqualTo("scheme.json: tree[0].children[0].rule.cap: cap 的值 0 超出允许范围，应为 > 0。请更正。");
        assertThat(new Messages(Locale.ENGLISH).describe(issue))
                .isEqualTo("scheme.json: tree[0].children[0].rule.cap: The value 0 of cap is out of range; it must be > 0. Correct it.");
    }

    /** A sound scheme that uses every field of the format, with awkward text and numbers. */
    static Scheme everyFeature() {
        List<Unit> units = List.of(new Unit("U1", "名称 \"引号\" \\ 反斜杠"), new Unit("U2", "换行\n制表\t😀"), new Unit("U3", "丙"));
        List<Zone> zones = List.of(new Zone("Z1", "一类", List.of("U1", "U2")), new Zone("Z2", "二类", List.of("U3")));
        Indicator tc = new Indicator("L_TC", "完成率", "%", 0.1 + 0.2, Direction.NEGATIVE,
                Rule.of(Method.TARGET_COMPLETION).with("cap", 1.2).with("zeroBelow", 0.5),
                Optional.of(TargetSource.COMMITMENT), Optional.of(MissingPolicy.ZERO), Optional.empty());
        Indicator th = Indicator.of("L_TH", "达标", 1, Rule.of(Method.THRESHOLD).with("partial", 0.5))
                .withTarget(TargetSource.ZONE).withMissing(MissingPolicy.ZONE_MEAN);
        Indicator fx = Indicator.of("L_FX", "固定目标", 2, Rule.of(Method.THRESHOLD).with("target", 7.5))
                .withTarget(TargetSource.FIXED);
        Indicator ef = Indicator.of("L_EF", "功效", 3, Rule.of(Method.EFFICACY).with("base", 0.6).with("low", 1e-7).with("high", 1e21))
                .withComparison(Comparison.ZONE).withMissing(MissingPolicy.REWEIGHT);
        Indicator mm = Indicator.of("L_MM", "极差", 1, Rule.of(Method.MIN_MAX).with("low", 0).with("high", 100));
        Indicator z = Indicator.of("L_Z", "标准分", 1, Rule.of(Method.ZSCORE).with("mean", 50).with("sd", 10));
        Indicator rp = Indicator.of("L_RP", "排位", 1, Rule.of(Method.RANK_POINTS).with("step", 2).with("floor", 1))
                .withComparison(Comparison.ALL);
        Indicator bz = Indicator.of("L_BZ", "破零", 1, Rule.of(Method.BREAK_ZERO));
        Indicator cz = Indicator.of("L_CZ", "清零", 1, Rule.of(Method.CLEAR_ZERO).with("perItem", 12000000));
        List<Node> tree = List.of(
                new Dimension("D1", "一", OptionalDouble.of(2), List.of(
                        new Dimension("D11", "一一", OptionalDouble.of(1), List.of(tc, th, fx)), ef)),
                new Dimension("D2", "二", OptionalDouble.of(1), List.of(mm, z, rp, bz, cz)));
        return new Scheme("ALL-1", "全部功能", PeriodKind.QUARTER, Aggregation.ARITHMETIC, Comparison.ZONE, 3,
                List.of("D2", "L_Z"), 4.5, OptionalDouble.of(0), units, zones, tree,
                List.of(new Derived("L_TC", "(A + B) / max(A, B, 1) * 1e3"), new Derived("L_EF", "abs(-A) - prev(A)")),
                List.of(new Input("A", "甲", "个", OptionalDouble.of(0), OptionalDouble.of(100), true),
                        new Input("B", "乙", "", OptionalDouble.empty(), OptionalDouble.empty(), false),
                        new Input("L_CZ", "清零数", "家", OptionalDouble.of(-0.0), OptionalDouble.empty(), true)),
                List.of(new Adjustment("B1", "加分", Adjustment.Kind.BONUS, 0.25, OptionalDouble.of(1)),
                        new Adjustment("P1", "扣分", Adjustment.Kind.PENALTY, 1, OptionalDouble.empty())),
                List.of(new Veto("V1", "否决一"), new Veto("V2", "否决二")),
                List.of(new BottomRule(BottomRule.Kind.BOTTOM_N_PER_ZONE, 2), new BottomRule(BottomRule.Kind.BELOW_SCORE, 55.5),
                        BottomRule.of(BottomRule.Kind.VETO), BottomRule.of(BottomRule.Kind.DIMENSION_LAST),
                        new BottomRule(BottomRule.Kind.CONSECUTIVE, 3)),
                new SensitivitySettings(500, 0.15, -42),
                List.of(new CityTarget("L_TC", "城市目标", 3.25, 2026, CityTarget.CityAggregate.RECOMPUTE, OptionalInt.empty(),
                                Optional.of(new CityTarget.Baseline(2021, 1.94))),
                        new CityTarget("A", "累计", 60, 2026, CityTarget.CityAggregate.SUM, OptionalInt.of(2022), Optional.empty())));
    }

    @Test
    void theSchemeWithEveryFeatureIsSound() {
        assertThat(SchemeValidator.validate(everyFeature())).isEmpty();
    }
}
