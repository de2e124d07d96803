package org.sanlian.workbench.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every key exists in both bundles, every pattern is a valid MessageFormat, every issue code in the code has a text. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/org/sanlian/workbench/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(new TreeSet<>(en.stringPropertyNames())).isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
    }

    @Test
    void everyIssueAndTextPatternIsAValidMessageFormat() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("issue.") || key.startsWith("cli.") && !key.startsWith("cli.option")) {
                    assertThat(new MessageFormat(p.getProperty(key)).format(new Object[] {"a", "b", "c", "d", "e"}))
                            .as(bundle + " " + key).doesNotContain("{0}");
                }
            }
        }
    }

    @Test
    void aPatternWithArgumentsKeepsItsApostrophes() throws IOException {
        // MessageFormat takes a lone ' as a quote and drops it ("the scheme's {0}" would read "the schemes a"),
        // so a pattern that is formatted writes it twice; a text without arguments is shown as written
        Pattern argument = Pattern.compile("\\{\\d");
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                if (argument.matcher(pattern).find()) {
                    String shown = new MessageFormat(pattern).format(new Object[] {"a", "b", "c", "d", "e", "f"});
                    long written = pattern.replace("''", "'").chars().filter(c -> c == '\'').count();
                    assertThat(shown.chars().filter(c -> c == '\'').count()).as(bundle + " " + key).isEqualTo(written);
                }
            }
        }
    }

    @Test
    void everyIssueCodeWrittenInTheSourcesHasAText() throws IOException {
        Pattern issue = Pattern.compile("Issue\\.of\\([^,]+,\\s*\"([a-z]+\\.[a-z-]+)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Paths.get("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = issue.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).isNotEmpty();
        Properties zh = load("messages.properties");
        for (String code : codes) {
            assertThat(zh.getProperty("issue." + code)).as("issue." + code).isNotBlank();
        }
    }
}
