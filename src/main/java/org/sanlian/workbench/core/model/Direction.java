package org.sanlian.workbench.core.model;

/** Whether more of an indicator is better ({@code POSITIVE}) or less ({@code NEGATIVE}). */
public enum Direction { POSITIVE, NEGATIVE }
