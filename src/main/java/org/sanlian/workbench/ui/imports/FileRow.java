package org.sanlian.workbench.ui.imports;

/**
 * One file of a check or an import as the screen lists it: its name, what it is (a unit's returned
 * template, or a data file), the rows it holds, its problems and warnings, and what became of it.
 */
public record FileRow(String file, String content, int rows, int problems, int warnings, String outcome) {
}
