package org.sanlian.workbench.ui.imports;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A unit in the templates' checklist: its code, its name, and whether it is ticked. */
public final class UnitChoice {

    private final String code;
    private final String name;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen", false);

    public UnitChoice(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    @Override
    public String toString() {
        return name + "（" + code + "）";
    }
}
