package org.sanlian.workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sanlian.workbench.app.WorkbenchDatabase;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.ui.results.ResultRow;
import org.sanlian.workbench.ui.shell.ScreenGroup;
import org.sanlian.workbench.ui.shell.ScreenRegistry;
import org.sanlian.workbench.ui.shell.Workspace;

/**
 * The window's records whose equality is written out (to spare the start the linking of the generated
 * one) compare exactly as a record does: equal with a copy of every component, and unequal as soon as
 * any one component differs. Each record is given two values that differ in every component; a
 * component added later without being compared fails here.
 */
class WrittenOutEqualityTest {

    @TempDir
    Path dir;

    @Test
    void screenEntries() throws Exception {
        Function<org.sanlian.workbench.ui.shell.ScreenContext, org.sanlian.workbench.ui.shell.Screen> one = c -> null;
        Function<org.sanlian.workbench.ui.shell.ScreenContext, org.sanlian.workbench.ui.shell.Screen> other = c -> null;
        assertComparesEveryComponent(
                new ScreenRegistry.Entry("results", ScreenGroup.RESULTS, "ui.screen.results", one),
                new ScreenRegistry.Entry("entry", ScreenGroup.DATA, "ui.screen.entry", other));
    }

    @Test
    void workspaceStates() throws Exception {
        try (WorkbenchDatabase db = WorkbenchDatabase.open(dir.resolve("w.db"))) {
            Workspace.Content some = new Workspace.Content(List.of(), Set.of(2025), List.of(Period.year(2025)),
                    List.of(Period.year(2025)), true, Optional.empty());
            assertComparesEveryComponent(
                    new Workspace.State(Optional.empty(), Workspace.Content.EMPTY, Optional.empty(), Optional.empty(), "", 0),
                    new Workspace.State(Optional.of(db), some, Optional.of(2025), Optional.of(Period.year(2025)), "张三", 3));
        }
    }

    @Test
    void resultRows() throws Exception {
        assertComparesEveryComponent(
                new ResultRow("A01", "甲县", "Z1", "一区", 1, 1, 90.5, List.of(OptionalDouble.of(30)), 1, 0,
                        OptionalInt.of(2), false, Optional.of(Level.REMINDER), false),
                new ResultRow("B02", "乙县", "Z2", "二区", 2, 3, 80.25, List.of(OptionalDouble.empty()), 0.5, 1.5,
                        OptionalInt.empty(), true, Optional.empty(), true));
    }

    /** {@code a} and {@code b}: two values of one record class differing in every component. */
    private static <R extends Record> void assertComparesEveryComponent(R a, R b) throws Exception {
        RecordComponent[] components = a.getClass().getRecordComponents();
        Object[] as = values(a, components);
        Object[] bs = values(b, components);
        Constructor<?> make = a.getClass().getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));

        Object copy = make.newInstance(as.clone());
        assertThat(copy).isEqualTo(a).isNotSameAs(a);
        assertThat(copy.hashCode()).isEqualTo(a.hashCode());
        assertThat(a).isNotEqualTo(null).isNotEqualTo("a");
        for (int i = 0; i < components.length; i++) {
            assertThat(bs[i]).as("the two samples differ in %s", components[i].getName()).isNotEqualTo(as[i]);
            Object[] mixed = as.clone();
            mixed[i] = bs[i];
            Object differing = make.newInstance(mixed);
            assertThat(differing).as("differing only in %s", components[i].getName()).isNotEqualTo(a);
            assertThat(a).as("differing only in %s", components[i].getName()).isNotEqualTo(differing);
        }
    }

    private static Object[] values(Record r, RecordComponent[] components) throws Exception {
        Object[] out = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            out[i] = components[i].getAccessor().invoke(r);
        }
        return out;
    }
}
