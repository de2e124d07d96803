package org.sanlian.workbench.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.sanlian.workbench.core.model.Observation;
import org.sanlian.workbench.io.csv.NumberText;
import org.sanlian.workbench.io.scheme.SchemeWriter;

/**
 * Writes the benchmark's large case as files ({@code large.scheme.json}, {@code large.data.csv}) for
 * timing whole commands: {@code LargeCaseFiles DIR [UNITS INDICATORS]} (default 3,000 x 120, seed 42).
 */
public final class LargeCaseFiles {

    private LargeCaseFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/large-case");
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int indicators = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        write(new LargeCase(units, indicators, 42), dir);
        System.out.println(dir.resolve("large.scheme.json") + " " + dir.resolve("large.data.csv"));
    }

    public static void write(LargeCase c, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("large.scheme.json"), SchemeWriter.toJson(c.scheme), StandardCharsets.UTF_8);
        try (Writer w = Files.newBufferedWriter(dir.resolve("large.data.csv"), StandardCharsets.UTF_8)) {
            w.write("period,unit,code,value,note\n");
            for (Observation o : c.data.observations()) {
                w.write(o.period() + "," + o.unit() + "," + o.code() + ","
                        + (o.value().isPresent() ? NumberText.format(o.value().getAsDouble()) : "") + ",\n");
            }
        }
    }
}
