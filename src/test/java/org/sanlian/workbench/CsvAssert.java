package org.sanlian.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a written CSV with an expected one as {@code shared/tools/check-example} does: the same
 * header, the same rows in the same order, numbers to 1e-9 (relative above 1), flags as sets, other
 * fields exactly. Fields are split on commas (the compared files quote nothing).
 */
public final class CsvAssert {

    private CsvAssert() {
    }

    public static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    public static void assertSameCsv(Path actual, Path expected) throws IOException {
        List<String[]> got = read(actual);
        List<String[]> want = read(expected);
        assertThat(got.get(0)).as("header of %s", actual.getFileName()).containsExactly(want.get(0));
        assertThat(got).as("rows of %s", actual.getFileName()).hasSameSizeAs(want);
        String[] header = want.get(0);
        for (int r = 1; r < want.size(); r++) {
            for (int c = 0; c < header.length; c++) {
                String g = got.get(r)[c];
                String w = want.get(r)[c];
                String where = actual.getFileName() + " row " + r + " " + header[c] + " (" + String.join(",", want.get(r)) + ")";
                if (header[c].equals("flags") || header[c].equals("rules") || header[c].equals("escape")) {
                    assertThat(set(g)).as(where).isEqualTo(set(w));
                } else if (isNumber(w) && isNumber(g)) {
                    double a = Double.parseDouble(g);
                    double b = Double.parseDouble(w);
                    assertThat(Math.abs(a - b)).as(where + ": got " + g + ", expected " + w)
                            .isLessThanOrEqualTo(1e-9 * Math.max(1.0, Math.abs(b)));
                } else {
                    assertThat(g.trim().toLowerCase()).as(where).isEqualTo(w.trim().toLowerCase());
                }
            }
        }
    }

    private static Set<String> set(String s) {
        return new TreeSet<>(Arrays.stream(s.split(";")).filter(x -> !x.isEmpty()).toList());
    }

    private static boolean isNumber(String s) {
        if (s.isBlank()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return !s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
