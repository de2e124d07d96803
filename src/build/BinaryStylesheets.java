import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javafx.css.CssParser;
import javafx.css.Stylesheet;

/**
 * A build step (pom.xml, phase process-classes): every stylesheet under the folder given (the
 * compiled classes) gets its binary form beside it, {@code name.bss} for {@code name.css}. JavaFX
 * loads a stylesheet's {@code .bss} when there is one instead of parsing the text, as it does for its
 * own modena.css: parsing workbench.css cost the window's thread about 0.03 s of every start
 * (docs/performance.md). A stylesheet with an error fails the build.
 */
public final class BinaryStylesheets {

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(root)) {
            sheets = files.filter(p -> p.getFileName().toString().endsWith(".css")).sorted().toList();
        }
        for (Path css : sheets) {
            String name = css.getFileName().toString();
            Path bss = css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss");
            Stylesheet.convertToBinary(css.toFile(), bss.toFile());
            if (!CssParser.errorsProperty().isEmpty()) {
                CssParser.errorsProperty().forEach(e -> System.err.println(css + ": " + e.getMessage()));
                System.exit(1);
            }
        }
        System.out.println("binary stylesheets: " + sheets.size());
    }
}
