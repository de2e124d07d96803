package org.sanlian.workbench.ui.shell;

/**
 * The side bar's groups, in order: the office's data (数据), then what is computed from it (结果),
 * then looking after the workbench itself (管理: the audit log, the settings).
 */
public enum ScreenGroup {
    DATA("ui.shell.group.data"),
    RESULTS("ui.shell.group.results"),
    ADMIN("ui.shell.group.admin");

    private final String titleKey;

    ScreenGroup(String titleKey) {
        this.titleKey = titleKey;
    }

    /** The bundle key of the group's title. */
    public String titleKey() {
        return titleKey;
    }
}
