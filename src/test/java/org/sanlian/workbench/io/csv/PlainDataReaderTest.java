package org.sanlian.workbench.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.io.scheme.SchemeReader;

/**
 * The quick path of the data reader against the general one: wherever the quick path takes a file
 * it gives the very same observations, and whatever it does not take (another shape, any problem)
 * is left to the general reader, which reports it.
 */
class PlainDataReaderTest {

    private static final String DEMO_SCHEME = "/org/sanlian/workbench/schemes/sanlian-2025.scheme.json";
    private static final String DEMO_DATA = "/org/sanlian/workbench/demo/data.csv";

    private static Scheme demoScheme() throws IOException {
        try (InputStream in = PlainDataReaderTest.class.getResourceAsStream(DEMO_SCHEME)) {
            return SchemeReader.read(in, "sanlian-2025.scheme.json");
        }
    }

    private static String demoData() throws IOException {
        try (InputStream in = PlainDataReaderTest.class.getResourceAsStream(DEMO_DATA)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The general reader's data set, or null when it refuses the file. */
    private static DataSet general(byte[] bytes, Scheme scheme) {
        try {
            return DataCsvReader.readData(new StrictUtf8Reader(new java.io.ByteArrayInputStream(bytes)), "d.csv",
                    scheme);
        } catch (ValidationException e) {
            return null;
        }
    }

    private static Optional<DataSet> plain(String text, Scheme scheme) {
        return PlainDataReader.read(text.getBytes(StandardCharsets.UTF_8), scheme);
    }

    private static void assertSame(byte[] bytes, Scheme scheme, Optional<DataSet> plain) {
        DataSet expected = general(bytes, scheme);
        assertThat(expected).as("the general reader takes what the quick path takes").isNotNull();
        assertThat(plain.orElseThrow().observations()).isEqualTo(expected.observations());
    }

    @Test
    void takesTheDemoAndTheExampleDataAndGivesWhatTheGeneralReaderGives() throws IOException, URISyntaxException {
        Scheme scheme = demoScheme();
        byte[] demo = demoData().getBytes(StandardCharsets.UTF_8);
        Optional<DataSet> quick = PlainDataReader.read(demo, scheme);
        assertThat(quick).isPresent();
        assertThat(quick.get().observations()).hasSize(1040)
                .anySatisfy(o -> assertThat(o.note()).isEqualTo("特色产业链2条，覆盖11/14项"));
        assertSame(demo, scheme, quick);

        byte[] example = Files.readAllBytes(Path.of(PlainDataReaderTest.class.getResource("/example/data.csv").toURI()));
        Optional<DataSet> exampleQuick = PlainDataReader.read(example, CsvFixtures.example());
        assertThat(exampleQuick).isPresent();
        assertSame(example, CsvFixtures.example(), exampleQuick);
    }

    @Test
    void takesLineEndsAByteOrderMarkAFileWithoutNotesAndABlankValue() throws IOException {
        Scheme scheme = demoScheme();
        String demo = demoData();
        List<String> shapes = List.of(
                demo.replace("\n", "\r\n"),
                demo.substring(0, demo.length() - 1),
                "\uFEFF" + demo,
                demo.replaceAll(",([^,\n]*)\n", "\n"),
                "period,unit,code,value,note\n2025,331102,GDP,,没报\n",
                "period,unit,code,value,note\n");
        for (String text : shapes) {
            Optional<DataSet> quick = plain(text, scheme);
            assertThat(quick).as(text.substring(0, Math.min(60, text.length()))).isPresent();
            assertSame(text.getBytes(StandardCharsets.UTF_8), scheme, quick);
        }
        assertThat(plain("period,unit,code,value,note\n2025,331102,GDP,,没报\n", scheme).orElseThrow()
                .observations().get(0).value()).isEmpty();
    }

    @Test
    void findsUnitCodesWrittenInChineseByTheirBytes() throws IOException {
        Scheme demo = demoScheme();
        String renamed = "甲县";
        Scheme scheme = demo.withUnitsAndZones(
                demo.units().stream().map(u -> u.code().equals("331102") ? new Unit(renamed, u.name()) : u).toList(),
                demo.zones().stream().map(z -> new Zone(z.code(), z.name(),
                        z.units().stream().map(c -> c.equals("331102") ? renamed : c).toList())).toList());
        String text = demoData().replace(",331102,", "," + renamed + ",");
        Optional<DataSet> quick = plain(text, scheme);
        assertThat(quick).isPresent();
        assertThat(quick.get().observations()).anySatisfy(o -> assertThat(o.unit()).isEqualTo(renamed));
        assertSame(text.getBytes(StandardCharsets.UTF_8), scheme, quick);
        // a name that only shares its first bytes with a unit's is no unit
        assertThat(plain("period,unit,code,value,note\n2025,甲,GDP,1,\n", scheme)).isEmpty();
    }

    @Test
    void leavesEveryOtherShapeAndEveryProblemToTheGeneralReader() throws IOException {
        Scheme scheme = demoScheme();
        String head = "period,unit,code,value,note\n";
        List<String> others = List.of(
                "",
                "unit,period,code,value,note\n331102,2025,GDP,1,\n",
                head + "2025,\"331102\",GDP,1,\n",
                head + "2025,331102,GDP,1,\n\n2025,331102,RD_EXP,1,\n",
                head + "2025,331102,GDP,1,\r2025,331102,RD_EXP,1,\n",
                head + "2025,331102,GDP,1,\n2025,331102,GDP,2,\n",
                head + "2025,999999,GDP,1,\n",
                head + "2025, 331102,GDP,1,\n",
                head + "2025,331102,GDP,1 ,\n",
                head + "2025,331102,GDP,1,,\n",
                head + "2025,331102,GDP\n",
                head + "2025H1,331102,GDP,1,\n",
                head + "２０２５,331102,GDP,1,\n",
                head + "2025,331102,GDP,1e999,\n",
                head + "2025,331102,GDP,１,\n",
                head + "2025,331102,GDP,.5,\n",
                head + "2025,331102,P_COMMIT,-1,\n",
                head + ",,,,\n");
        for (String text : others) {
            assertThat(plain(text, scheme)).as(text).isEmpty();
        }
        byte[] gbk = (head + "2025,331102,GDP,1,没报\n").getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThat(PlainDataReader.read(gbk, scheme)).isEmpty();
        byte[] utf16 = (head + "2025,331102,GDP,1,\n").getBytes(StandardCharsets.UTF_16LE);
        assertThat(PlainDataReader.read(utf16, scheme)).isEmpty();
    }

    @Test
    void aDerivedCodeADimensionAnInputOutOfItsBoundsAndAFractionOfAWholeInputAreLeftToTheGeneralReader() {
        Scheme scheme = CsvFixtures.extended();
        String head = "period,unit,code,value,note\n";
        String sound = head + "2025,A1,STAFF,12,\n";
        assertThat(plain(sound, scheme)).isPresent();
        for (String row : List.of("2025,A1,STAFF,12.5,", "2025,A1,STAFF,-1,", "2025,A1,STAFF,1001,",
                "2025,A1,RD_INT,1,", "2025,A1,INNOV,1,")) {
            String text = head + row + "\n";
            assertThat(plain(text, scheme)).as(row).isEmpty();
            assertThat(general(text.getBytes(StandardCharsets.UTF_8), scheme)).as(row).isNull();
        }
    }

    /** Thousands of files mutated from the demo data: the quick path either gives them up or agrees. */
    @Test
    void mutatedFilesAreEitherGivenUpOrReadAlike() throws IOException {
        Scheme scheme = demoScheme();
        String demo = demoData();
        List<String> units = scheme.units().stream().map(u -> u.code()).toList();
        List<String> codes = new ArrayList<>(allCodes(scheme));
        String[] numbers = {"1e3", "+5", "-3", "0.5", ".5", "5.", "1234567890123456", "12345678901234567",
                "  7", "7 ", "", "NaN", "1,000", "１２", "-0", "0.0000001", "1e400", "00012.5000", "3.14159265358979"};
        String[] periods = {"2025", "2021", "2025H1", "2025 ", " 2024", "", "abc", "2024Q2", "99999"};
        List<BiFunction<List<String[]>, Random, Boolean>> mutators = List.of(
                (rows, r) -> set(rows, r, 3, numbers[r.nextInt(numbers.length)]),
                (rows, r) -> set(rows, r, 3, Integer.toString(r.nextInt(2000) - 100)),
                (rows, r) -> set(rows, r, 1, r.nextInt(5) == 0 ? "X" + r.nextInt(9) : units.get(r.nextInt(units.size()))),
                (rows, r) -> set(rows, r, 2, r.nextInt(6) == 0 ? "ZZ" : codes.get(r.nextInt(codes.size()))),
                (rows, r) -> set(rows, r, 0, periods[r.nextInt(periods.length)]),
                (rows, r) -> set(rows, r, 4, r.nextBoolean() ? " 说明 " : "a\tb"),
                (rows, r) -> {
                    int at = 1 + r.nextInt(rows.size() - 1);
                    rows.add(at, rows.get(r.nextInt(rows.size() - 1) + 1).clone());
                    return true;
                },
                (rows, r) -> {
                    rows.remove(1 + r.nextInt(rows.size() - 1));
                    return true;
                },
                (rows, r) -> {
                    rows.add(1 + r.nextInt(rows.size() - 1), new String[] {r.nextBoolean() ? "" : ",,,,"});
                    return true;
                },
                (rows, r) -> set(rows, r, r.nextInt(5), "\"" + rows.get(1)[0] + "\""),
                (rows, r) -> {
                    String[] row = rows.get(1 + r.nextInt(rows.size() - 1));
                    row[row.length - 1] = row[row.length - 1] + (r.nextBoolean() ? ",x" : "\r");
                    return true;
                });
        Random random = new Random(20261127L);
        int quick = 0;
        int refused = 0;
        int mutants = 1000;
        for (int m = 0; m < mutants; m++) {
            List<String[]> rows = new ArrayList<>();
            for (String line : demo.split("\n", -1)) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
            int changes = 1 + random.nextInt(3);
            for (int k = 0; k < changes; k++) {
                mutators.get(random.nextInt(mutators.size())).apply(rows, random);
            }
            String eol = random.nextInt(4) == 0 ? "\r\n" : "\n";
            StringBuilder text = new StringBuilder();
            for (String[] row : rows) {
                text.append(String.join(",", row)).append(eol);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            Optional<DataSet> fast = PlainDataReader.read(bytes, scheme);
            DataSet slow = general(bytes, scheme);
            if (fast.isPresent()) {
                quick++;
                assertThat(slow).as("mutant %d is taken by the quick path, so the general one must take it", m)
                        .isNotNull();
                assertThat(fast.get().observations()).as("mutant %d", m).isEqualTo(slow.observations());
            }
            if (slow == null) {
                refused++;
            }
        }
        // both kinds occur, so the comparison above is made and means something
        assertThat(quick).isBetween(mutants / 10, mutants - 1);
        assertThat(refused).isBetween(mutants / 10, mutants - 1);
    }

    private static List<String> allCodes(Scheme scheme) {
        List<String> all = new ArrayList<>(org.sanlian.workbench.io.data.FigureRows.enterableDataCodes(scheme));
        scheme.derived().forEach(d -> all.add(d.code()));
        scheme.dimensions().forEach(d -> all.add(d.code()));
        return all;
    }

    private static boolean set(List<String[]> rows, Random r, int column, String text) {
        String[] row = rows.get(1 + r.nextInt(rows.size() - 1));
        if (column < row.length) {
            row[column] = text;
        }
        return true;
    }

    @Test
    void aFileReadFromDiskGoesTheQuickWayAndALargerOneTheGeneralWay(@TempDir Path dir) throws IOException {
        Scheme scheme = demoScheme();
        Path file = dir.resolve("data.csv");
        Files.writeString(file, demoData());
        DataSet read = DataCsvReader.readData(file, scheme);
        assertThat(read.observations())
                .isEqualTo(DataCsvReader.readData(new StringReader(demoData()), "data.csv", scheme).observations());
        // a file beyond the quick path's size is still read whole by the general reader
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.write("period,unit,code,value,note\n".getBytes(StandardCharsets.UTF_8));
        byte[] filler = "2025,331102,GDP,1,".getBytes(StandardCharsets.UTF_8);
        big.write(filler);
        byte[] pad = new byte[PlainDataReader.MAX_BYTES];
        java.util.Arrays.fill(pad, (byte) 'x');
        big.write(pad);
        big.write('\n');
        Path large = dir.resolve("large.csv");
        Files.write(large, big.toByteArray());
        DataSet bigRead = DataCsvReader.readData(large, scheme);
        assertThat(bigRead.observations()).singleElement()
                .satisfies(o -> assertThat(o.note()).hasSize(PlainDataReader.MAX_BYTES));
    }
}
