package org.sanlian.workbench.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Records split on the reading thread arrive as the tokenizer gives them, each after its own issues. */
class CsvRecordStreamTest {

    /** A file of many batches with quoted, multi-line, stray-quoted and blank records here and there. */
    private static String text() {
        Random random = new Random(7);
        StringBuilder s = new StringBuilder("period,unit,code,value\n");
        for (int i = 0; i < 5000; i++) {
            switch (random.nextInt(20)) {
                case 0 -> s.append("2025,\"多行\n单位").append(i).append("\",X,1\n");
                case 1 -> s.append("2025,bad\"quote,X,").append(i).append('\n');
                case 2 -> s.append('\n');
                case 3 -> s.append("2025,\"a\"b,X,1\r\n");
                default -> s.append("2025,U").append(i).append(",X,").append(i).append(".5\n");
            }
        }
        s.append("2025,\"never closed,X,1\n");
        return s.toString();
    }

    private static List<String> events(Reader in, boolean threaded) throws IOException {
        List<String> out = new ArrayList<>();
        if (threaded) {
            try (CsvRecordStream stream = CsvRecordStream.start(in, "f.csv")) {
                for (CsvRecord r = stream.next(i -> out.add("issue " + i)); r != null; r = stream.next(i -> out.add("issue " + i))) {
                    out.add("record " + r);
                }
            }
        } else {
            CsvTokenizer t = new CsvTokenizer(in, "f.csv", i -> out.add("issue " + i));
            for (CsvRecord r = t.next(); r != null; r = t.next()) {
                out.add("record " + r);
            }
        }
        return out;
    }

    @Test
    void givesWhatTheTokenizerGivesInTheSameOrder() throws IOException {
        String text = text();
        List<String> direct = events(new StringReader(text), false);
        List<String> threaded = events(new StringReader(text), true);
        assertThat(threaded).isEqualTo(direct);
        assertThat(direct).hasSizeGreaterThan(5000);
        assertThat(direct.stream().filter(e -> e.startsWith("issue")).count()).isGreaterThan(200);
        assertThat(direct.get(direct.size() - 1)).startsWith("record ").contains("never closed");
    }

    @Test
    void aReadingFailureComesAfterTheRecordsBeforeIt() throws IOException {
        Reader failing = new Reader() {
            private final Reader first = new StringReader("a,b\n1,2\n");
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = first.read(buf, off, len);
                if (n < 0) {
                    throw new IOException("disk gone");
                }
                return n;
            }
            @Override
            public void close() {
            }
        };
        List<String> seen = new ArrayList<>();
        try (CsvRecordStream stream = CsvRecordStream.start(failing, "f.csv")) {
            IOException thrown = null;
            try {
                for (CsvRecord r = stream.next(i -> seen.add("issue")); r != null; r = stream.next(i -> seen.add("issue"))) {
                    seen.add(r.fields().get(0).text());
                }
            } catch (IOException e) {
                thrown = e;
            }
            assertThat(thrown).hasMessage("disk gone");
        }
        assertThat(seen).containsExactly("a", "1");
    }

    @Test
    void closingEarlyStopsTheReadingThread() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            big.append("2025,U").append(i).append(",X,1\n");
        }
        CsvRecordStream stream = CsvRecordStream.start(new StringReader(big.toString()), "f.csv");
        assertThat(stream.next(i -> { })).isNotNull();
        stream.close();
        long deadline = System.currentTimeMillis() + 5000;
        while (threadAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(threadAlive()).isFalse();
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("csv-reader") && t.isAlive());
    }
}
