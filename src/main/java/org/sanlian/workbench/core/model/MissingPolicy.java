package org.sanlian.workbench.core.model;

/** What happens to a unit whose value of an indicator is missing (SCORING.md section 2). */
public enum MissingPolicy { ZERO, REWEIGHT, ZONE_MEAN }
