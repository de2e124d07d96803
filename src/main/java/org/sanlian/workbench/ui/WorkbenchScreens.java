package org.sanlian.workbench.ui;

import org.sanlian.workbench.ui.audit.AuditScreen;
import org.sanlian.workbench.ui.bulletins.BulletinsScreen;
import org.sanlian.workbench.ui.bottom.BottomScreen;
import org.sanlian.workbench.ui.commitments.CommitmentsScreen;
import org.sanlian.workbench.ui.coverage.CoverageScreen;
import org.sanlian.workbench.ui.imports.ImportsScreen;
import org.sanlian.workbench.ui.entry.EntryScreen;
import org.sanlian.workbench.ui.overview.OverviewScreen;
import org.sanlian.workbench.ui.periods.PeriodsScreen;
import org.sanlian.workbench.ui.results.ResultsScreen;
import org.sanlian.workbench.ui.scheme.SchemeScreen;
import org.sanlian.workbench.ui.settings.SettingsScreen;
import org.sanlian.workbench.ui.sensitivity.SensitivityScreen;
import org.sanlian.workbench.ui.shell.ScreenGroup;
import org.sanlian.workbench.ui.shell.ScreenRegistry;
import org.sanlian.workbench.ui.targets.TargetsScreen;
import org.sanlian.workbench.ui.trends.TrendsScreen;
import org.sanlian.workbench.ui.units.UnitsZonesScreen;

/**
 * The screens of the workbench, in the side bar's order. A new screen is one more line here (its
 * package holds a {@code Screen}, a view model and a view).
 */
public final class WorkbenchScreens {

    /** The screen shown first on a first start. */
    public static final String FIRST = "results";

    /** 指标方案: where a scheme file opened with the workbench goes. */
    public static final String SCHEME = "scheme";

    private WorkbenchScreens() {
    }

    public static ScreenRegistry standard() {
        return new ScreenRegistry()
                .add(ScreenGroup.DATA, SCHEME, "ui.screen.scheme", SchemeScreen::new)
                .add(ScreenGroup.DATA, "units", "ui.screen.units", UnitsZonesScreen::new)
                .add(ScreenGroup.DATA, "periods", "ui.screen.periods", PeriodsScreen::new)
                .add(ScreenGroup.DATA, "entry", "ui.screen.entry", EntryScreen::new)
                .add(ScreenGroup.DATA, "import", "ui.screen.import", ImportsScreen::new)
                .add(ScreenGroup.DATA, "commitments", "ui.screen.commitments", CommitmentsScreen::new)
                .add(ScreenGroup.DATA, "coverage", "ui.screen.coverage", CoverageScreen::new)
                .add(ScreenGroup.RESULTS, "overview", "ui.overview.screen", OverviewScreen::new)
                .add(ScreenGroup.RESULTS, "results", "ui.screen.results", ResultsScreen::new)
                .add(ScreenGroup.RESULTS, "bottom", "ui.screen.bottom", BottomScreen::new)
                .add(ScreenGroup.RESULTS, "trends", "ui.trends.screen", TrendsScreen::new)
                .add(ScreenGroup.RESULTS, "targets", "ui.targets.screen", TargetsScreen::new)
                .add(ScreenGroup.RESULTS, "sensitivity", "ui.sensitivity.screen", SensitivityScreen::new)
                .add(ScreenGroup.RESULTS, "bulletins", "ui.screen.bulletins", BulletinsScreen::new)
                .add(ScreenGroup.ADMIN, "audit", "ui.screen.audit", AuditScreen::new)
                .add(ScreenGroup.ADMIN, "settings", "ui.screen.settings", SettingsScreen::new)
                .readEarly(FIRST, ResultsScreen::readEarly)
                .readEarly(SCHEME, SchemeScreen::readEarly)
                .readEarly("entry", EntryScreen::readEarly);
    }
}
