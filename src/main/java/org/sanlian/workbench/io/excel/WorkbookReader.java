package org.sanlian.workbench.io.excel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

import org.sanlian.workbench.core.model.DataSet;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.check.ValidationException;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.io.data.FigureRows;

/**
 * Reads a workbook (.xlsx or .xls) of figures: a returned fill-in template (it carries the
 * {@link TemplateFormat#META_SHEET} sheet) or a plain data workbook (the data file's long format on
 * its first sheet). Every problem of the file is thrown at once as a
 * {@link org.sanlian.workbench.core.check.ValidationException} naming the sheet and cell
 * ({@code file:填报表!F7}); a file with any problem yields nothing. Warnings (kindness shown to
 * numbers typed as text, formulas read as their saved results ...) come back with the figures.
 */
public final class WorkbookReader {

    /**
     * What a workbook is read against.
     *
     * @param kind         data or targets (a template holds data only)
     * @param scheme       the scheme a plain workbook is checked against
     * @param schemeOfYear the scheme kept for a year, for a template (which names its own)
     * @param templateKey  the key templates are signed with; empty when none was ever made
     * @param limits       the caps the file must stay under
     */
    public record Context(FigureRows.Kind kind, Scheme scheme, IntFunction<Optional<Scheme>> schemeOfYear,
                          Optional<byte[]> templateKey, WorkbookFiles.Limits limits) {
        public Context {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(schemeOfYear, "schemeOfYear");
            Objects.requireNonNull(templateKey, "templateKey");
            Objects.requireNonNull(limits, "limits");
        }
    }

    /** The template a file was, when it was one: the unit, period and scheme its signature vouches for. */
    public record TemplateOrigin(String unit, Period period, String schemeCode, int schemeYear) {
    }

    /**
     * What a workbook held: the figures, the warnings (and how many concern each unit), and the
     * template's origin when it was one.
     */
    public record Result(DataSet data, List<Issue> warnings, Map<String, Integer> warningsByUnit,
                         Optional<TemplateOrigin> template) {
        public Result {
            warnings = List.copyOf(warnings);
            warningsByUnit = Map.copyOf(warningsByUnit);
        }
    }

    private WorkbookReader() {
    }

    public static Result read(Path file, Context context) {
        String name = file.toString();
        Findings findings = new Findings(name);
        return WorkbookFiles.read(file, context.limits(), opened -> {
            if (opened.sheetNames().contains(TemplateFormat.META_SHEET)) {
                if (opened.streamed() && opened.size() > context.limits().maxTemplateBytes()) {
                    throw new ValidationException(Issue.of(name, "excel.template-too-large", name,
                            opened.size() / 1024, context.limits().maxTemplateBytes() / 1024));
                }
                return TemplateReader.read(opened.workbook(), name, context, findings);
            }
            return PlainReader.read(opened, name, context, findings);
        });
    }
}
