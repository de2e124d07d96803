package org.sanlian.workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;

import org.junit.jupiter.api.Test;

/**
 * The window's stylesheet is loaded from its binary form (workbench.bss, made by the build from
 * workbench.css: src/build/BinaryStylesheets.java), which must say exactly what the text says: the same
 * rules in the same order, each with the same selectors and declarations.
 */
class BinaryStylesheetTest {

    @Test
    void theBinaryStylesheetSaysWhatTheTextSays() throws IOException {
        URL css = new URL(WorkbenchApp.stylesheet());
        URL bss = WorkbenchApp.class.getResource("workbench.bss");
        assertThat(bss).as("workbench.bss beside workbench.css (mvn process-classes makes it)").isNotNull();

        List<String> text = content(new CssParser().parse(css));
        List<String> binary = content(Stylesheet.loadBinary(bss));

        assertThat(text).hasSizeGreaterThan(100).contains("[*.ranking-table, *.entry-grid]", "-fx-fixed-cell-size");
        assertThat(binary).isEqualTo(text);
    }

    private static List<String> content(Stylesheet sheet) {
        List<String> out = new ArrayList<>();
        for (Rule rule : sheet.getRules()) {
            out.add(rule.getSelectors().toString());
            for (Declaration d : rule.getDeclarations()) {
                out.add(d.getProperty());
                out.add(d.getParsedValue() + (d.isImportant() ? " !important" : ""));
            }
        }
        return out;
    }
}
