package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LenientNumberTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "123          | 123.0       | false | false",
        "-4.5         | -4.5        | false | false",
        "+1.2e3       | 1200.0      | false | false",
        ".5           | 0.5         | false | false",
        "１２３       | 123.0       | true  | false",
        "１２３．４５ | 123.45      | true  | false",
        "－７         | -7.0        | true  | false",
        "−7           | -7.0        | true  | false",
        "＋３         | 3.0         | true  | false",
        "1,234        | 1234.0      | false | true",
        "1,234,567.89 | 1234567.89  | false | true",
        "-12,345      | -12345.0    | false | true",
        "１，２３４   | 1234.0      | true  | true",
        "'　42　'     | 42.0        | false | false",
    })
    void readsKindlyAndSaysWhatItDid(String text, double value, boolean fullWidth, boolean thousands) {
        LenientNumber.Parsed p = LenientNumber.parse(text).orElseThrow();
        assertThat(p.value()).isEqualTo(value);
        assertThat(p.fullWidth()).isEqualTo(fullWidth);
        assertThat(p.thousands()).isEqualTo(thousands);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"", "abc", "1,5", "12,34", "1,2345", ",123", "1.234,5", "12%", "3家", "NaN", "Infinity",
        "1e999", "1 234", "1..2", "--1", "0x10", "１２３亿"})
    void refusesWhatWouldBeAGuess(String text) {
        assertThat(LenientNumber.parse(text)).isEmpty();
    }
}
