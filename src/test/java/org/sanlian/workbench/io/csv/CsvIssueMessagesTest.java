package org.sanlian.workbench.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.i18n.Messages;

class CsvIssueMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/sanlian/workbench/io/csv");
    /** Where the readers' file problems (not found, a folder, unreadable) are said. */
    private static final Path FILE_PROBLEMS = Path.of("src/main/java/org/sanlian/workbench/io/data/FileProblems.java");

    /** Every issue code written in this package's sources, found by reading them. */
    private static Set<String> codes() throws IOException {
        Set<String> codes = new TreeSet<>();
        Pattern p = Pattern.compile("\"((?:csv|file)\\.[a-z0-9-]+)\"");
        try (Stream<Path> files = Stream.concat(Files.list(SOURCES), Stream.of(FILE_PROBLEMS))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = p.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    @Test
    void everyIssueCodeHasAChineseAndAnEnglishMessageThatUsesItsArguments() throws IOException {
        Set<String> codes = codes();
        assertThat(codes).contains("csv.bad-number", "csv.duplicate", "csv.bad-encoding", "csv.utf16", "file.unreadable",
                "file.not-found", "file.is-folder");
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            Messages messages = new Messages(locale);
            for (String code : codes) {
                assertThat(messages.has("issue." + code)).as(locale + " issue." + code).isTrue();
                String text = messages.describe(Issue.of("data.csv:2:4", code, "«0»", "«1»", "«2»", "«3»"));
                assertThat(text).as(code).startsWith("data.csv:2:4: ").doesNotContain("{");
            }
        }
    }
}
