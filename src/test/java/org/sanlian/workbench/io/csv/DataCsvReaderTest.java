package org.sanlian.workbench.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;

class DataCsvReaderTest {

    private static final Scheme SCHEME = CsvFixtures.extended();
    private static final String HEADER = "period,unit,code,value,note\n";
    private static final Period Y2024 = Period.year(2024);
    private static final Period Y2025 = Period.year(2025);

    private static Path example(String name) throws URISyntaxException {
        return Path.of(DataCsvReaderTest.class.getResource("/example/" + name).toURI());
    }

    private static DataSet data(String text) {
        return DataCsvReader.readData(new StringReader(text), "data.csv", SCHEME);
    }

    private static List<Issue> dataIssues(String text) {
        return catchThrowableOfType(ValidationException.class, () -> data(text)).issues();
    }

    private static List<Issue> targetIssues(String text) {
        return catchThrowableOfType(ValidationException.class,
                () -> DataCsvReader.readTargets(new StringReader(text), "targets.csv", SCHEME)).issues();
    }

    @Test
    void readsTheExampleData() throws URISyntaxException {
        DataSet d = DataCsvReader.readData(example("data.csv"), CsvFixtures.example());
        assertThat(d.observations()).hasSize(96);
        assertThat(d.periods()).containsExactly(Y2024, Y2025);
        assertThat(d.value(Y2024, "A1", "RD_EXP")).hasValue(52000.0);
        assertThat(d.value(Y2025, "A2", "GDP")).hasValue(169.6);
        assertThat(d.value(Y2024, "A1", "P_LATE")).isEmpty();
        assertThat(d.value(Y2025, "A3", "P_LATE")).hasValue(3.0);
        assertThat(d.observations()).filteredOn(o -> o.unit().equals("B1") && o.code().equals("V_FRAUD")
                && o.period().equals(Y2025)).extracting(Observation::note).containsExactly("核查发现虚报");
    }

    @Test
    void readsTheExampleTargets() throws URISyntaxException {
        DataSet t = DataCsvReader.readTargets(example("targets.csv"), CsvFixtures.example());
        assertThat(t.observations()).hasSize(12);
        assertThat(t.value(Y2025, "A2", "RD_INT")).hasValue(1.5);
        assertThat(t.value(Y2024, "B3", "RD_INT")).hasValue(0.5);
    }

    @Test
    void toleratesBomCrLfBlankLinesPaddingQuotedNotesAndAnyColumnOrder() {
        String text = "\uFEFF value , code,period,unit,note\r\n"
                + "\r\n"
                + " 1.5 ,GDP, 2025 ,A1,\"快报, 第二版\"\r\n"
                + "　\r\n"
                + ",,,,\r\n"
                + "2e3,RD_EXP,2025,A2,\"多行\r\n说明 \"\"已核\"\"\"\r\n"
                + ",TEAMS,2025,B1,\r\n";
        DataSet d = data(text);
        assertThat(d.observations()).extracting(Observation::code, Observation::value, Observation::note)
                .containsExactly(
                        tuple("GDP", OptionalDouble.of(1.5), "快报, 第二版"),
                        tuple("RD_EXP", OptionalDouble.of(2000.0), "多行\r\n说明 \"已核\""),
                        tuple("TEAMS", OptionalDouble.empty(), ""));
    }

    @Test
    void theNoteColumnIsOptionalAndAHeaderAloneIsAnEmptyDataSet() {
        assertThat(data("period,unit,code,value\n2025,A1,GDP,3\n").value(Y2025, "A1", "GDP")).hasValue(3.0);
        assertThat(data(HEADER).observations()).isEmpty();
    }

    static Stream<Arguments> badData() {
        return Stream.of(
                Arguments.of("2025,ZZ,GDP,1,", "data.csv:2:2", "csv.unknown-unit"),
                Arguments.of("2025,ZA,GDP,1,", "data.csv:2:2", "csv.unknown-unit"),
                Arguments.of("2025,,GDP,1,", "data.csv:2:2", "csv.blank-cell"),
                Arguments.of("2025,A1,RD_INT,1,", "data.csv:2:3", "csv.derived-code"),
                Arguments.of("2025,A1,RD_GROWTH,1,", "data.csv:2:3", "csv.derived-code"),
                Arguments.of("2025,A1,INNOV,1,", "data.csv:2:3", "csv.dimension-code"),
                Arguments.of("2025,A1,FOO,1,", "data.csv:2:3", "csv.unknown-code"),
                Arguments.of("2025,A1,gdp,1,", "data.csv:2:3", "csv.unknown-code"),
                Arguments.of("2025,A1,GDP,\"1,5\",", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,\"1,234.5\",", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,1 234,", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,NaN,", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,Infinity,", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,1e400,", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,.5,", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,5.,", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,0x10,", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,１２,", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,12%,", "data.csv:2:4", "csv.bad-number"),
                Arguments.of("2025,A1,GDP,-0.1,", "data.csv:2:4", "csv.out-of-bounds"),
                Arguments.of("2025,A1,STAFF,1001,", "data.csv:2:4", "csv.out-of-bounds"),
                Arguments.of("2025,A1,STAFF,2.5,", "data.csv:2:4", "csv.not-integer"),
                Arguments.of("2025,A1,P_LATE,-1,", "data.csv:2:4", "csv.negative-count"),
                Arguments.of("2025,A1,V_FRAUD,-1,", "data.csv:2:4", "csv.negative-count"),
                Arguments.of("2025Q1,A1,GDP,1,", "data.csv:2:1", "csv.period-kind"),
                Arguments.of("2025H1,A1,GDP,1,", "data.csv:2:1", "csv.period-kind"),
                Arguments.of("25,A1,GDP,1,", "data.csv:2:1", "csv.bad-period"),
                Arguments.of("2025H3,A1,GDP,1,", "data.csv:2:1", "csv.bad-period"),
                Arguments.of("0999,A1,GDP,1,", "data.csv:2:1", "csv.bad-period"),
                Arguments.of("2025年,A1,GDP,1,", "data.csv:2:1", "csv.bad-period"),
                Arguments.of("2025,A1,GDP,1,,extra", "data.csv:2:6", "csv.field-count"),
                Arguments.of("2025,A1,GDP,1,234,", "data.csv:2:6", "csv.field-count"),
                Arguments.of("2025,A1,GDP", "data.csv:2:4", "csv.field-count"),
                Arguments.of("2025,A1,GDP,1,\"note", "data.csv:2:5", "csv.unclosed-quote"),
                Arguments.of("2025,A1,GDP,1\"2,", "data.csv:2:4", "csv.stray-quote"),
                Arguments.of("2025,A1,GDP,\"1\"2,", "data.csv:2:4", "csv.text-after-quote"),
                Arguments.of("2025,A1,GDP,1,\n2025,A1,GDP,2,", "data.csv:3:3", "csv.duplicate"),
                Arguments.of("2025,A1,GDP,1,\"two\nlines\"\n2025,A1,RD_EXP,x,", "data.csv:4:4", "csv.bad-number"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("badData")
    void badDataIsReportedAtItsLineAndColumn(String rows, String where, String code) {
        assertThat(dataIssues(HEADER + rows + "\n")).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(where, code));
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of("period,unit,code,value,note,extra", "data.csv:1:6", "csv.unknown-column"),
                Arguments.of("period,unit,code,value,Note", "data.csv:1:5", "csv.unknown-column"),
                Arguments.of("period,unit,code,value,", "data.csv:1:5", "csv.blank-column"),
                Arguments.of("period,unit,code,value,unit", "data.csv:1:5", "csv.duplicate-column"),
                Arguments.of("period,unit,code,note", "data.csv:1", "csv.missing-column"),
                Arguments.of("2025,A1,GDP,1", "data.csv:1", "csv.missing-header"),
                Arguments.of("", "data.csv", "csv.empty-file"),
                Arguments.of("\n \n,,\n", "data.csv", "csv.empty-file"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("badHeaders")
    void badHeadersAreReported(String header, String where, String code) {
        assertThat(dataIssues(header + "\n")).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(where, code));
    }

    static Stream<Arguments> badTargets() {
        return Stream.of(
                Arguments.of("2025,ZA,RD_INT,1", "targets.csv:2:2", "csv.target-wants-unit"),
                Arguments.of("2025,QQ,RD_INT,1", "targets.csv:2:2", "csv.unknown-unit"),
                Arguments.of("2025,A1,ZONE_T,1", "targets.csv:2:2", "csv.target-wants-zone"),
                Arguments.of("2025,ZC,ZONE_T,1", "targets.csv:2:2", "csv.unknown-zone"),
                Arguments.of("2025,A1,TEAMS,1", "targets.csv:2:3", "csv.not-a-target"),
                Arguments.of("2025,A1,FIXED_T,1", "targets.csv:2:3", "csv.not-a-target"),
                Arguments.of("2025,A1,GDP,1", "targets.csv:2:3", "csv.not-a-target"),
                Arguments.of("2025,A1,XX,1", "targets.csv:2:3", "csv.unknown-code"),
                Arguments.of("2025,A1,RD_INT,abc", "targets.csv:2:4", "csv.bad-number"),
                Arguments.of("2025Q2,A1,RD_INT,1", "targets.csv:2:1", "csv.period-kind"),
                Arguments.of("2025,A1,RD_INT,1\n2025,A1,RD_INT,1", "targets.csv:3:3", "csv.duplicate"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("badTargets")
    void badTargetsAreReportedAtTheirLineAndColumn(String rows, String where, String code) {
        assertThat(targetIssues("period,unit,code,value\n" + rows + "\n")).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(where, code));
    }

    @Test
    void targetsTakeUnitsForCommitmentsAndZonesForZoneTargetsAndMayBeEmpty() {
        DataSet t = DataCsvReader.readTargets(new StringReader(
                "period,unit,code,value\n2025,A1,RD_INT,2.0\n2025,ZB,ZONE_T,4\n2025,A2,RD_INT,\n"), "t.csv", SCHEME);
        assertThat(t.value(Y2025, "A1", "RD_INT")).hasValue(2.0);
        assertThat(t.value(Y2025, "ZB", "ZONE_T")).hasValue(4.0);
        assertThat(t.value(Y2025, "A2", "RD_INT")).isEmpty();
        assertThat(t.observations()).hasSize(3);
    }

    @Test
    void everyErrorOfAFileIsReportedAtOnceInFileOrder() {
        List<Issue> issues = dataIssues("unit,period,code,value,remark\n"
                + "A1,2025,GDP,1,x\n"
                + "ZZ,2025Q1,RD_INT,abc,\n"
                + "A1,2025,GDP,2,\n"
                + "A1,2025,STAFF,3.5,\n");
        assertThat(issues).extracting(Issue::where, Issue::code).containsExactly(
                tuple("data.csv:1:5", "csv.unknown-column"),
                tuple("data.csv:3:1", "csv.unknown-unit"),
                tuple("data.csv:3:2", "csv.period-kind"),
                tuple("data.csv:3:3", "csv.derived-code"),
                tuple("data.csv:3:4", "csv.bad-number"),
                tuple("data.csv:4:3", "csv.duplicate"),
                tuple("data.csv:5:4", "csv.not-integer"));
    }

    @Test
    void issuesCarryTheArgumentsTheirMessagesNeed() {
        assertThat(dataIssues(HEADER + "2025,A1,GDP,1,\n\n2025,A1,GDP,2,\n").get(0).args())
                .containsExactly("2025", "A1", "GDP", "2");
        assertThat(dataIssues(HEADER + "2025,A1,STAFF,1001,\n").get(0).args())
                .containsExactly("STAFF", "1001", "0", "1000");
        assertThat(dataIssues(HEADER + "2025,A1,GDP,-1,\n").get(0).args())
                .containsExactly("GDP", "-1", "0", "+∞");
        assertThat(dataIssues(HEADER + "2025Q1,A1,GDP,1,\n").get(0).args())
                .containsExactly("2025Q1", "YEAR", "2025");
        assertThat(dataIssues(HEADER + "2025,A1,GDP,1,234,\n").get(0).args()).containsExactly("5", "6");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheLine(@TempDir Path dir) throws IOException {
        byte[] good = (HEADER + "2025,A1,GDP,1,\n2025,A2,GDP,2,").getBytes(StandardCharsets.UTF_8);
        byte[] gbkNote = {(byte) 0xBF, (byte) 0xEC, (byte) 0xB1, (byte) 0xA8, '\n'};
        byte[] all = new byte[good.length + gbkNote.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(gbkNote, 0, all, good.length, gbkNote.length);
        Path file = dir.resolve("data.csv");
        Files.write(file, all);
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> DataCsvReader.readData(file, SCHEME));
        assertThat(e.issues()).extracting(Issue::where, Issue::code)
                .containsExactly(tuple(file + ":3", "csv.bad-encoding"));
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> DataCsvReader.readData(new ByteArrayInputStream(all), "data.csv", SCHEME)).issues())
                .extracting(Issue::where).containsExactly("data.csv:3");
    }

    @Test
    void aMultiByteCharacterCutOffAtTheEndIsRefused() {
        byte[] text = (HEADER + "2025,A1,GDP,1,快").getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(text, text.length - 1);
        assertThat(catchThrowableOfType(ValidationException.class,
                () -> DataCsvReader.readData(new ByteArrayInputStream(cut), "data.csv", SCHEME)).issues())
                .extracting(Issue::where, Issue::code).containsExactly(tuple("data.csv:2", "csv.bad-encoding"));
    }

    @Test
    void aMissingFileIsReportedAsNotFound(@TempDir Path dir) {
        Path file = dir.resolve("nope.csv");
        assertThat(catchThrowableOfType(ValidationException.class, () -> DataCsvReader.readData(file, SCHEME))
                .issues()).extracting(Issue::where, Issue::code).containsExactly(tuple(file.toString(), "file.not-found"));
    }

    @Test
    void aHopelessFileKeepsTheFirstThousandIssuesAndCountsTheRest() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 1500; i++) {
            text.append(2000 + i).append(",A1,GDP,x,\n");
        }
        List<Issue> issues = dataIssues(text.toString());
        assertThat(issues).hasSize(IssueList.LIMIT + 1);
        assertThat(issues.get(IssueList.LIMIT)).extracting(Issue::where, Issue::code, Issue::args)
                .containsExactly("data.csv", "csv.more-issues", List.of("500"));
    }
}
