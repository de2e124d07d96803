package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.zip.CRC32;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Crc32Test {

    @ParameterizedTest
    @CsvSource({"0,0", "0,7", "5,0", "1,1", "100,3", "3,65536", "70000,123457"})
    void combiningTwoPiecesGivesTheCrcOfThemJoined(int a, int b) {
        SplittableRandom random = new SplittableRandom(a * 31L + b);
        byte[] first = new byte[a];
        byte[] second = new byte[b];
        random.nextBytes(first);
        random.nextBytes(second);
        CRC32 whole = new CRC32();
        whole.update(first);
        whole.update(second);
        CRC32 x = new CRC32();
        x.update(first);
        CRC32 y = new CRC32();
        y.update(second);
        assertThat(Crc32.combine(x.getValue(), y.getValue(), b)).isEqualTo(whole.getValue());
    }
}
