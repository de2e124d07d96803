package org.sanlian.workbench.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2.0                  | 2.0",
        "0.0                  | 0.0",
        "-0.0                 | -0.0",
        "100                  | 100.0",
        "-2.5                 | -2.5",
        "15.428571428571427   | 15.428571428571427",
        "0.43750000000000006  | 0.43750000000000006",
        "0.1                  | 0.1",
        "1.2E7                | 12000000.0",
        "182345.6             | 182345.6",
        "1.0E-6               | 0.000001",
        "1.0E-7               | 1.0E-7",
        "-3.5E-9              | -3.5E-9",
        "1.0E21               | 1.0E21",
        "9.999999999999999E20 | 999999999999999900000.0",
        // Java 17's Double.toString writes 2.8247889918752579E18: one digit more than needed.
        "2.8247889918752579E18 | 2824788991875258000.0",
        "4.9E-324             | 5.0E-324",
        "1.7976931348623157E308 | 1.7976931348623157E308",
        "NaN                  | NaN",
        "Infinity             | Infinity",
        "-Infinity            | -Infinity",
    })
    void writesTheShortestDecimalWithoutExponentForNormalMagnitudes(String input, String expected) {
        assertThat(NumberText.format(Double.parseDouble(input))).isEqualTo(expected);
    }

    @Test
    void everyRandomDoubleReadsBackAsTheSameDouble() {
        Random random = new Random(20221022L);
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 8);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                continue;
            }
            String text = NumberText.format(x);
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
                    .as("%s written as %s", Double.toString(x), text)
                    .isEqualTo(Double.doubleToRawLongBits(x));
            assertThat(DataCsvReader.NUMBER.matcher(text).matches()).as(text).isTrue();
            double magnitude = Math.abs(x);
            if (magnitude >= 1e-6 && magnitude < 1e21) {
                assertThat(text).doesNotContain("E");
            }
        }
    }

    @Test
    void agreesWithPythonReprOnSampleDoubles() throws IOException {
        int compared = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("shortest-doubles.txt"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                double x = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                BigDecimal expected = new BigDecimal(parts[1]).stripTrailingZeros();
                BigDecimal actual = new BigDecimal(NumberText.format(x)).stripTrailingZeros();
                assertThat(actual.unscaledValue()).as(parts[1]).isEqualTo(expected.unscaledValue());
                assertThat(actual.scale()).as(parts[1]).isEqualTo(expected.scale());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(4000);
    }
}
