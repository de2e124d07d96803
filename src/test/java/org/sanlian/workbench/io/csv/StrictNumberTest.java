package org.sanlian.workbench.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The data reader's hand-written number check says exactly what FORMATS.md's pattern says. */
class StrictNumberTest {

    @Test
    void agreesWithThePatternOnEveryGeneratedText() {
        Random random = new Random(20261127);
        String alphabet = "+-0123456789.eE 1x０";
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(9);
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            boolean expected = DataCsvReader.NUMBER.matcher(text).matches();
            assertThat(DataCsvReader.strictNumber(text)).as(text).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(1000); // the generator reaches both answers
        for (String yes : new String[] {"0", "-1", "+2.5", "3e7", "4.25E-3", "12345678901234567890"}) {
            assertThat(DataCsvReader.strictNumber(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {"", ".5", "5.", "1e", "1e+", "--1", "1,000", "NaN", "Infinity", " 1", "１"}) {
            assertThat(DataCsvReader.strictNumber(no)).as(no).isFalse();
        }
    }
}
