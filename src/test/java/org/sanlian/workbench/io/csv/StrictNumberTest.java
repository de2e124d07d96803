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

    @Test
    void readsEveryNumberBitForBitAsTheJavaParserDoes() {
        Random random = new Random(20261128);
        int fast = 0;
        for (int n = 0; n < 300_000; n++) {
            String text;
            if (n % 3 == 0) {
                // texts as the pattern test makes them, strict or not
                StringBuilder s = new StringBuilder();
                String alphabet = "+-0123456789.eE x";
                int length = random.nextInt(10);
                for (int i = 0; i < length; i++) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                text = s.toString();
            } else {
                // figures as files hold them: up to 18 digits, up to 17 of them after the point, a sign now and then
                StringBuilder s = new StringBuilder();
                int sign = random.nextInt(10);
                s.append(sign == 0 ? "-" : sign == 1 ? "+" : "");
                int whole = 1 + random.nextInt(9);
                int frac = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(9);
                for (int i = 0; i < whole; i++) {
                    s.append((char) ('0' + random.nextInt(10)));
                }
                if (frac > 0) {
                    s.append('.');
                    for (int i = 0; i < frac; i++) {
                        s.append((char) ('0' + random.nextInt(10)));
                    }
                }
                text = s.toString();
                fast += whole + frac <= 15 ? 1 : 0;
            }
            double expected = DataCsvReader.NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
            assertThat(Double.doubleToRawLongBits(DataCsvReader.strictValue(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
        assertThat(fast).isGreaterThan(100_000);
        for (String text : new String[] {"-0", "-0.0", "0.1", "0.3", "123456789012345", "1234567890123456",
                "999999999999999.9", "9007199254740993", "0.000000000000001", "1e22", "-5.5e-3", "00012.50"}) {
            assertThat(Double.doubleToRawLongBits(DataCsvReader.strictValue(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
    }
}
