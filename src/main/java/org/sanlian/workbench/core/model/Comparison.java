package org.sanlian.workbench.core.model;

/** The set of units a relative rule compares a unit with. */
public enum Comparison { ALL, ZONE }
