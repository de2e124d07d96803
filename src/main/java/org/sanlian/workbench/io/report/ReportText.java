package org.sanlian.workbench.io.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.BottomRule;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.io.csv.NumberText;

/**
 * How reports word their marks, in the user's language and as the results window words them: periods
 * (2025年), rank changes (↑2 / ↓1 / —), bottom-list levels (约谈 / 升级约谈 / 提醒) and the rules
 * that listed a unit.
 */
public final class ReportText {

    private ReportText() {
    }

    /** A period as people say it: 2025年, 2025年上半年, 2025年第3季度. */
    public static String period(Period period) {
        Messages m = Messages.get();
        String year = Integer.toString(period.year());
        switch (period.kind()) {
            case HALF: return m.text("ui.period.half" + period.part(), year);
            case QUARTER: return m.text("ui.period.quarter", year, Integer.toString(period.part()));
            default: return m.text("ui.period.year", year);
        }
    }

    /** ↑2 (up two places), ↓1, — (unchanged); empty without a previous period. */
    public static String rankChange(OptionalInt change) {
        if (change.isEmpty()) {
            return "";
        }
        int c = change.getAsInt();
        if (c > 0) {
            return "↑" + c;
        }
        return c < 0 ? "↓" + (-c) : "—";
    }

    /** 约谈, 升级约谈 or 提醒. */
    public static String level(Level level) {
        switch (level) {
            case ESCALATED: return Messages.get().text("ui.bottom.escalated");
            case REMINDER: return Messages.get().text("ui.bottom.reminder");
            default: return Messages.get().text("ui.bottom.normal");
        }
    }

    /** A rule that lists units, with its parameter: 分区末位（每区 1 名）, 总分低于 60 分 … */
    public static String rule(BottomRule rule) {
        return rule(rule.kind().name(), rule.parameter());
    }

    /** A rule named by its kind (as a bottom-list entry names it), with the scheme's parameter if known. */
    public static String rule(String kind, double parameter) {
        Messages m = Messages.get();
        String key = "export.rule." + kind;
        if (!m.has(key)) {
            return kind;
        }
        return m.text(key, Double.isNaN(parameter) ? "" : number(parameter));
    }

    /** The rules of a bottom-list entry in words, with the scheme's parameters. */
    public static List<String> rules(List<String> kinds, List<BottomRule> schemeRules) {
        List<String> out = new ArrayList<>();
        for (String k : kinds) {
            double parameter = Double.NaN;
            for (BottomRule r : schemeRules) {
                if (r.kind().name().equals(k)) {
                    parameter = r.parameter();
                }
            }
            out.add(rule(k, parameter));
        }
        return out;
    }

    /** A number with exactly {@code decimals} places (half up from the shortest decimal form). */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A number as its shortest decimal form, whole numbers without a decimal point (12, 0.5, 1.25). */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return NumberText.format(value);
    }
}
