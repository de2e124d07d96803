package org.sanlian.workbench.core.bottom;

/** How serious a bottom-list entry is; ordered from least to most serious. */
public enum Level {
    /** A written reminder (listed only by DIMENSION_LAST), not an interview. */
    REMINDER,
    /** An interview (约谈). */
    NORMAL,
    /** An interview for a unit listed in consecutive periods. */
    ESCALATED
}
