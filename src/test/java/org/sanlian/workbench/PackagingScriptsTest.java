package org.sanlian.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packaging scripts that cannot run here (packaging/build-windows.ps1 needs Windows) keep what
 * their hosts need: Windows PowerShell 5.1, the default on Windows 10 and 11, reads a script without a
 * byte-order mark in the system's code page, so a script with Chinese text must start with UTF-8's.
 */
class PackagingScriptsTest {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void everyPowerShellScriptWithNonAsciiTextStartsWithAByteOrderMark() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(Path.of("packaging"))) {
            scripts = files.filter(f -> f.toString().endsWith(".ps1")).toList();
        }
        assertThat(scripts).isNotEmpty();
        for (Path script : scripts) {
            byte[] bytes = Files.readAllBytes(script);
            boolean nonAscii = false;
            for (byte b : bytes) {
                nonAscii |= b < 0;
            }
            if (nonAscii) {
                assertThat(Arrays.copyOf(bytes, 3)).as(script + " starts with UTF-8's byte-order mark").isEqualTo(UTF8_BOM);
            }
        }
    }
}
