package org.sanlian.workbench.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sanlian.workbench.core.check.Issue;
import org.sanlian.workbench.core.model.Input;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.core.model.Scheme;
import org.sanlian.workbench.core.model.Unit;
import org.sanlian.workbench.core.model.Zone;
import org.sanlian.workbench.core.scoring.PeriodResult;
import org.sanlian.workbench.core.scoring.UnitResult;

/**
 * A period at a glance (总览), as {@link OverviewService} reads it: the head and tail of each zone's
 * ranking, the bottom list, how complete the period's figures are, what needs attention, and the city
 * targets' progress (as 目标进度 computes it; empty when the scheme has none). The
 * ranking parts are empty when the period could not be scored ({@code scoringIssues} says why).
 */
public record Overview(Period period, Scheme scheme, boolean simulated, Optional<PeriodResult> result,
                       List<Issue> scoringIssues, List<ZoneEnds> zones, List<InputFill> inputs, List<UnitGaps> gaps,
                       List<Warning> warnings, List<CityTargetService.Row> targets) {

    public Overview {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(result, "result");
        scoringIssues = List.copyOf(scoringIssues);
        zones = List.copyOf(zones);
        inputs = List.copyOf(inputs);
        gaps = List.copyOf(gaps);
        warnings = List.copyOf(warnings);
        targets = List.copyOf(targets);
    }

    /** A zone's best and last few units by zone rank (they overlap in a zone of few units). */
    public record ZoneEnds(Zone zone, List<UnitResult> top, List<UnitResult> bottom, int units) {
        public ZoneEnds {
            Objects.requireNonNull(zone, "zone");
            top = List.copyOf(top);
            bottom = List.copyOf(bottom);
        }
    }

    /** How many of the scheme's units have a figure for an input in the period. */
    public record InputFill(Input input, int filled, int units) {
        public InputFill {
            Objects.requireNonNull(input, "input");
        }

        public boolean complete() {
            return filled == units;
        }
    }

    /** A unit and the inputs it has no figure for in the period (only units that miss some). */
    public record UnitGaps(Unit unit, List<Input> missing) {
        public UnitGaps {
            Objects.requireNonNull(unit, "unit");
            missing = List.copyOf(missing);
        }
    }

    /** Something that needs attention, with the screen that deals with it. */
    public enum Kind {
        /** The period could not be scored; args: none (see {@code scoringIssues}). */
        NOT_SCORED("results"),
        /** Units scored with missing or imputed values or formula warnings; args: units, flags. */
        SCORING_FLAGS("results"),
        /** Figures missing; args: missing figures, units missing some. */
        MISSING_FIGURES("entry"),
        /** Periods kept without any figure; args: the periods. */
        EMPTY_PERIODS("periods"),
        /** The period has figures but no bulletin published it; args: none. */
        NOT_PUBLISHED("bulletins"),
        /** No backup of the database yet; args: none. */
        NO_BACKUP(""),
        /** The newest backup is older than a week; args: its date, days old. */
        OLD_BACKUP("");

        private final String screen;

        Kind(String screen) {
            this.screen = screen;
        }

        /** The id of the screen that deals with it; empty when none does (the File menu's backups). */
        public String screen() {
            return screen;
        }
    }

    public record Warning(Kind kind, List<String> args) {
        public Warning {
            Objects.requireNonNull(kind, "kind");
            args = List.copyOf(args);
        }
    }

    /** The units on the bottom list, in the result's order (empty when not scored). */
    public List<UnitResult> listed() {
        return result.map(r -> r.rows().stream().filter(UnitResult::listed).toList()).orElse(List.of());
    }
}
