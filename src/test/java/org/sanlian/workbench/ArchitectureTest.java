package org.sanlian.workbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md, enforced (as JabRef's CommonArchitectureTest does):
 * store and io lean on core; app on store, io and core; ui and cli on app and core (ui also on io's
 * charts); core on nothing but the JDK. Only ui touches JavaFX and ControlsFX, only store touches
 * java.sql, only io touches POI, Jackson and JFreeChart. {@code i18n} (the message bundle) serves all.
 */
class ArchitectureTest {

    private static final String ROOT = "org.sanlian.workbench";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void layersDependOnlyInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("Launcher").definedBy(ROOT)
                .layer("core").definedBy(ROOT + ".core..")
                .layer("i18n").definedBy(ROOT + ".i18n..")
                .layer("store").definedBy(ROOT + ".store..")
                .layer("io").definedBy(ROOT + ".io..")
                .layer("app").definedBy(ROOT + ".app..")
                .layer("ui").definedBy(ROOT + ".ui..")
                .layer("cli").definedBy(ROOT + ".cli..")
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("app").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("app")
                .whereLayer("io").mayOnlyBeAccessedByLayers("app", "ui")
                .whereLayer("i18n").mayOnlyBeAccessedByLayers("io", "app", "ui", "cli", "store")
                .whereLayer("core").mayOnlyBeAccessedByLayers("i18n", "store", "io", "app", "ui", "cli")
                .check(classes);
    }

    @Test
    void coreIsPureJava() {
        noClasses().that().resideInAPackage(ROOT + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.controlsfx..", "java.sql..", "org.apache.poi..", "org.jfree..",
                        "com.fasterxml..", "picocli..", "java.awt..", "javax.swing..",
                        ROOT + ".i18n..")
                .check(classes);
    }

    @Test
    void onlyUiTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
                .check(classes);
    }

    @Test
    void onlyStoreTouchesSql() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".store..", ROOT + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(classes);
        // decision 0005: app passes a transaction's Connection to repositories, and nothing more
        noClasses().that().resideInAPackage(ROOT + ".app..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "SQL beyond an opaque Connection", c -> (c.getPackageName().startsWith("java.sql")
                                && !c.getName().equals("java.sql.Connection")
                                && !c.getName().equals("java.sql.SQLException"))
                                || c.getPackageName().startsWith("org.sqlite")))
                .check(classes);
    }

    @Test
    void onlyIoTouchesPoiJacksonAndJFreeChart() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "com.fasterxml..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(ROOT + ".io..", ROOT + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jfree..")
                .check(classes);
    }

    @Test
    void onlyCliTouchesPicocli() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(classes);
    }
}
