package org.sanlian.workbench.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A bottom-list interview (末位约谈) of a unit for a period and its follow-up: when it was held, who
 * attended, the rectification plan and its deadline, and its status. {@code id} is 0 before it is
 * kept.
 */
public record Interview(long id, String unit, Period period, Optional<String> bulletin, Optional<LocalDate> heldOn,
                        String attendees, String plan, Optional<LocalDate> deadline, InterviewStatus status) {
    public Interview {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(bulletin, "bulletin");
        Objects.requireNonNull(heldOn, "heldOn");
        Objects.requireNonNull(attendees, "attendees");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(status, "status");
    }
}
