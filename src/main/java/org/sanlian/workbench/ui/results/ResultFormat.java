package org.sanlian.workbench.ui.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;

/**
 * How the ranking tables write their numbers and marks: scores with exactly the scheme's decimals
 * (the values are already rounded by the engine; this only pads, 80 -> 80.00), rank changes as
 * arrows, bottom-list levels and vetoes as words from the bundle.
 */
public final class ResultFormat {

    private final int decimals;

    public ResultFormat(int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must not be negative: " + decimals);
        }
        this.decimals = decimals;
    }

    public int decimals() {
        return decimals;
    }

    /** A score with exactly the scheme's decimals; NaN as empty. */
    public String score(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        // from the shortest decimal form, half-up, as core's Rounding does: padding never moves a digit
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    public String score(OptionalDouble value) {
        return value.isPresent() ? score(value.getAsDouble()) : "";
    }

    /** ↑2 (up two places), ↓1, — (unchanged); empty without a previous period. */
    public String rankChange(OptionalInt change) {
        if (change.isEmpty()) {
            return "";
        }
        int c = change.getAsInt();
        if (c > 0) {
            return "↑" + c;
        }
        return c < 0 ? "↓" + (-c) : "—";
    }

    /** As {@link #rankChange(OptionalInt)}, and 新 for a unit that was not ranked in the previous period. */
    public String rankChange(OptionalInt change, boolean newcomer) {
        return change.isEmpty() && newcomer ? Messages.get().text("ui.results.rank-new") : rankChange(change);
    }

    /** 约谈, 升级约谈 or 提醒; empty when the unit is not listed. */
    public String bottomMark(Optional<Level> level) {
        return level.map(ResultFormat::levelText).orElse("");
    }

    public static String levelText(Level level) {
        switch (level) {
            case ESCALATED: return Messages.get().text("ui.bottom.escalated");
            case REMINDER: return Messages.get().text("ui.bottom.reminder");
            default: return Messages.get().text("ui.bottom.normal");
        }
    }

    /** 一票否决 for a vetoed unit, else empty. */
    public String veto(boolean vetoed) {
        return vetoed ? Messages.get().text("ui.veto") : "";
    }

    /** A period as people say it: 2025年, 2025年上半年, 2025年第3季度. */
    public static String period(Period period) {
        String year = Integer.toString(period.year());
        switch (period.kind()) {
            case HALF: return Messages.get().text("ui.period.half" + period.part(), year);
            case QUARTER: return Messages.get().text("ui.period.quarter", year, Integer.toString(period.part()));
            default: return Messages.get().text("ui.period.year", year);
        }
    }
}
