package org.sanlian.workbench.core.model;

/** Where a bottom-list interview (末位约谈) stands. */
public enum InterviewStatus {
    PLANNED, HELD, RECTIFYING, DONE, CANCELLED
}
