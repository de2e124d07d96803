package org.sanlian.workbench.ui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.targets.CityProgress;
import org.sanlian.workbench.i18n.Messages;

/**
 * How city targets and their progress are written on the screens (目标进度, 总览): figures with up to
 * two decimals, shares as percentages, a target or baseline with its year, the yearly path needed
 * and the status.
 */
public final class CityTargetText {

    private CityTargetText() {
    }

    /** A figure with up to two decimals (2.5, 637, 2.33); empty when missing. */
    public static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "";
    }

    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (d.signum() == 0 ? BigDecimal.ZERO : d).toPlainString();
    }

    /** A share as a percentage with one decimal: 42.9%; empty when missing. */
    public static String percent(OptionalDouble share) {
        return share.isPresent() ? BigDecimal.valueOf(share.getAsDouble() * 100).setScale(1, RoundingMode.HALF_UP)
                .toPlainString() + "%" : "";
    }

    /** The target and its year: 1000（2026年）. */
    public static String target(CityTarget t) {
        return text("ui.targets.target-value", number(t.target()), Integer.toString(t.year()));
    }

    /** The baseline and its year: 637（2021年）, or 无 without one. */
    public static String baseline(CityTarget t) {
        return t.baseline().map(b -> text("ui.targets.target-value", number(b.value()), Integer.toString(b.year())))
                .orElse(text("ui.targets.no-baseline"));
    }

    /** The yearly path needed: +72.6/年, 已达成 once reached, 已到期 when the target year has come. */
    public static String yearly(CityProgress.Goal g) {
        if (g.figure().isEmpty()) {
            return "";
        }
        if (g.status() == CityProgress.Status.REACHED) {
            return text("ui.targets.status.REACHED");
        }
        if (g.yearlyNeeded().isEmpty()) {
            return text("ui.targets.overdue");
        }
        double v = g.yearlyNeeded().getAsDouble();
        return text("ui.targets.per-year", (v > 0 ? "+" : "") + number(v));
    }

    /** 已达成, 按进度, 落后 or 无法判断. */
    public static String status(CityProgress.Status status) {
        return text("ui.targets.status." + status.name());
    }

    /** A goal's progress as a bar fill between 0 and 1 (a negative progress shows empty, past 1 full). */
    public static double bar(CityProgress.Goal g) {
        return g.progress().isPresent() ? Math.max(0, Math.min(1, g.progress().getAsDouble())) : 0;
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}
