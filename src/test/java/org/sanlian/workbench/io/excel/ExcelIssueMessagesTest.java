package org.sanlian.workbench.io.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.i18n.Messages;

/**
 * Every issue code the Excel reader, the template service and the import write has a Chinese and an
 * English text that uses its arguments (MessageBundlesTest only sees codes whose location argument
 * holds no comma).
 */
class ExcelIssueMessagesTest {

    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/org/sanlian/workbench/io/excel"),
            Path.of("src/main/java/org/sanlian/workbench/io/data"), Path.of("src/main/java/org/sanlian/workbench/app"));

    private static Set<String> codes() throws IOException {
        Set<String> codes = new TreeSet<>();
        // the first literal that looks like a code after each Issue.of( is its code, whatever the location argument is
        Pattern p = Pattern.compile("Issue\\.of\\(.*?\"([a-z]+\\.[a-z-]+)\"", Pattern.DOTALL);
        for (Path dir : SOURCES) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Matcher m = p.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        codes.add(m.group(1));
                    }
                }
            }
        }
        return codes;
    }

    @Test
    void everyIssueCodeHasAChineseAndAnEnglishMessage() throws IOException {
        Set<String> codes = codes();
        assertThat(codes).contains("excel.zip-bomb", "excel.template-signature", "excel.template-code-moved",
                "excel.full-width-number", "template.unknown-unit", "import.template-twice");
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            Messages messages = new Messages(locale);
            for (String code : codes) {
                assertThat(messages.has("issue." + code)).as(locale + " issue." + code).isTrue();
                String text = messages.describe(Issue.of("t.xlsx:填报表!F6", code, "«0»", "«1»", "«2»", "«3»", "«4»"));
                assertThat(text).as(code).startsWith("t.xlsx:填报表!F6: ").doesNotContain("{");
            }
        }
    }

    @Test
    void everyTemplateTextExistsInBothLanguages() {
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        Messages en = new Messages(Locale.ENGLISH);
        for (String key : zh.bundle().keySet()) {
            if (key.startsWith("excel.template.")) {
                assertThat(en.has(key)).as(key).isTrue();
            }
        }
        assertThat(zh.text("excel.template.sheet")).isEqualTo("填报表");
        assertThat(zh.has("excel.template.help.9")).isTrue();
    }
}
