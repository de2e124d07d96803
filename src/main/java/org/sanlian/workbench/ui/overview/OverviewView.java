package org.sanlian.workbench.ui.overview;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.overview.OverviewViewModel.Block;

/**
 * 总览: the chosen period at a glance, in blocks that each lead to their screen — the zones'
 * rankings (best and last), the bottom list, data completeness, city targets, and what needs
 * attention. Built in code; it only builds nodes from the view model's lists and forwards clicks.
 */
public final class OverviewView extends ScrollPane {

    public static final String HEADING_ID = "overview-heading";
    public static final String ERROR_ID = "overview-error";
    public static final String ZONES_ID = "overview-zones";
    public static final String BOTTOM_ID = "overview-bottom";
    public static final String INPUTS_ID = "overview-inputs";
    public static final String GAPS_ID = "overview-gaps";
    public static final String WARNINGS_ID = "overview-warnings";
    /** The style class of a bottom-list line's unit name (one per listed unit). */
    public static final String BOTTOM_UNIT_CLASS = "overview-bottom-unit";

    private final OverviewViewModel model;
    private final FlowPane zones = new FlowPane(16, 12);
    private final GridPane bottom = new GridPane();
    private final GridPane inputs = new GridPane();
    private final GridPane gaps = new GridPane();
    private final VBox warnings = new VBox(4);
    private final GridPane targets = new GridPane();
    public static final String TARGETS_ID = "overview-targets";

    public OverviewView(OverviewViewModel model) {
        this.model = model;
        createView();
        model.zones().addListener((ListChangeListener<Object>) c -> showZones());
        model.bottom().addListener((ListChangeListener<Object>) c -> showBottom());
        model.inputs().addListener((ListChangeListener<Object>) c -> showCompleteness());
        model.gaps().addListener((ListChangeListener<Object>) c -> showCompleteness());
        model.warnings().addListener((ListChangeListener<Object>) c -> showWarnings());
        model.targets().addListener((ListChangeListener<Object>) c -> showTargets());
        showZones();
        showBottom();
        showCompleteness();
        showWarnings();
        showTargets();
    }

    public static String zoneId(String zone) {
        return "overview-zone-" + zone;
    }

    public static String linkId(Block block) {
        return "overview-open-" + block.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void createView() {
        getStyleClass().add("overview-view");
        setFitToWidth(true);
        Label heading = new Label();
        heading.setId(HEADING_ID);
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(model.headingProperty());
        heading.setWrapText(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        zones.setId(ZONES_ID);
        bottom.setId(BOTTOM_ID);
        inputs.setId(INPUTS_ID);
        gaps.setId(GAPS_ID);
        warnings.setId(WARNINGS_ID);
        targets.setId(TARGETS_ID);
        for (GridPane g : List.of(bottom, inputs, gaps, targets)) {
            g.setHgap(14);
            g.setVgap(3);
        }
        Label completeness = new Label();
        completeness.getStyleClass().add("overview-block-title");
        completeness.textProperty().bind(model.completenessProperty());

        VBox content = new VBox(14, new HBox(8, heading, busy), error,
                block(new Label(text("ui.overview.zones", Integer.toString(OverviewViewModel.PER_ZONE))), Block.ZONES, "ui.screen.results",
                        zones),
                block(titleOf(model.bottom().size()), Block.BOTTOM, null, bottom),
                block(completeness, Block.COMPLETENESS, "ui.screen.entry",
                        new HBox(28, column("ui.overview.inputs", inputs), column("ui.overview.units", gaps))),
                block(new Label(text("ui.overview.targets")), Block.TARGETS, "ui.targets.screen", targets),
                block(new Label(text("ui.overview.warnings")), null, null, warnings));
        content.setPadding(new Insets(12));
        setContent(content);
    }

    private Label bottomTitle;

    private Label titleOf(int listed) {
        bottomTitle = new Label(text("ui.overview.bottom", Integer.toString(listed)));
        return bottomTitle;
    }

    private static VBox column(String titleKey, Node body) {
        Label title = new Label(text(titleKey));
        title.getStyleClass().add("overview-subtitle");
        return new VBox(4, title, body);
    }

    /** A block: its title, a link to its screen (when the window has one) and its body. */
    private VBox block(Label title, Block block, String screenTitleKey, Node body) {
        title.getStyleClass().add("overview-block-title");
        HBox head = new HBox(12, title);
        if (block != null) {
            // the bottom list leads to 末位约谈 where the window has it, else to 计算与排名: no screen named
            Hyperlink open = new Hyperlink(screenTitleKey != null ? text("ui.overview.open", text(screenTitleKey))
                    : text("ui.overview.open-bottom"));
            open.setId(linkId(block));
            open.setOnAction(e -> model.open(block));
            head.getChildren().add(open);
        }
        VBox box = new VBox(6, head, body);
        box.getStyleClass().add("overview-block");
        VBox.setVgrow(box, Priority.NEVER);
        return box;
    }

    private void showZones() {
        zones.getChildren().clear();
        if (model.zones().isEmpty() && model.overviewProperty().get() != null) {
            zones.getChildren().add(new Label(text("ui.overview.zones-none")));
            return;
        }
        for (OverviewViewModel.ZoneLines z : model.zones()) {
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.setVgap(2);
            header(grid, "ui.overview.col.rank", "ui.overview.col.unit", "ui.overview.col.total",
                    "ui.overview.col.change");
            int row = 1;
            for (OverviewViewModel.RankLine l : z.top()) {
                rankRow(grid, row++, l);
            }
            if (z.gap()) {
                grid.addRow(row++, new Label(text("ui.overview.gap")));
            }
            for (OverviewViewModel.RankLine l : z.bottom()) {
                rankRow(grid, row++, l);
            }
            Label title = new Label(z.title());
            title.getStyleClass().add("overview-subtitle");
            VBox box = new VBox(4, title, grid);
            box.setId(zoneId(z.code()));
            box.getStyleClass().add("overview-zone");
            zones.getChildren().add(box);
        }
    }

    private static void rankRow(GridPane grid, int row, OverviewViewModel.RankLine l) {
        Label unit = new Label(l.unit());
        unit.getStyleClass().add("overview-rank-unit");
        grid.addRow(row, new Label(Integer.toString(l.zoneRank())), unit, new Label(l.total()), new Label(l.change()));
    }

    private void showBottom() {
        bottom.getChildren().clear();
        if (bottomTitle != null) {
            bottomTitle.setText(text("ui.overview.bottom", Integer.toString(model.bottom().size())));
        }
        if (model.bottom().isEmpty()) {
            if (model.overviewProperty().get() != null) {
                bottom.addRow(0, new Label(text("ui.overview.bottom-none")));
            }
            return;
        }
        header(bottom, "ui.overview.col.unit", "ui.overview.col.zone", "ui.overview.col.level",
                "ui.overview.col.rules");
        int row = 1;
        for (OverviewViewModel.BottomLine l : model.bottom()) {
            Label unit = new Label(l.unit());
            unit.getStyleClass().add(BOTTOM_UNIT_CLASS);
            Label rules = new Label(l.rules());
            rules.setWrapText(true);
            bottom.addRow(row++, unit, new Label(l.zone()), new Label(l.level()), rules);
        }
    }

    private void showCompleteness() {
        inputs.getChildren().clear();
        gaps.getChildren().clear();
        // the inputs in two columns, top to bottom, so that the block stays short
        int half = (model.inputs().size() + 1) / 2;
        for (int i = 0; i < model.inputs().size(); i++) {
            OverviewViewModel.InputLine l = model.inputs().get(i);
            Label filled = new Label(l.filled());
            if (!l.complete()) {
                filled.getStyleClass().add("overview-incomplete");
            }
            int column = i < half ? 0 : 2;
            inputs.add(new Label(l.input()), column, i % half);
            inputs.add(filled, column + 1, i % half);
        }
        int row;
        if (model.gaps().isEmpty()) {
            if (model.overviewProperty().get() != null) {
                gaps.addRow(0, new Label(text("ui.overview.complete")));
            }
            return;
        }
        row = 0;
        for (OverviewViewModel.GapLine l : model.gaps()) {
            Label missing = new Label(l.missing());
            missing.setWrapText(true);
            missing.setMaxWidth(520);
            gaps.addRow(row++, new Label(l.unit()), missing);
        }
    }

    private void showWarnings() {
        warnings.getChildren().clear();
        if (model.warnings().isEmpty()) {
            if (model.overviewProperty().get() != null) {
                warnings.getChildren().add(new Label(text("ui.overview.warnings-none")));
            }
            return;
        }
        for (OverviewViewModel.WarningLine w : model.warnings()) {
            Label text = new Label("• " + w.text());
            text.setWrapText(true);
            text.getStyleClass().add("overview-warning");
            if (w.screen().isEmpty()) {
                warnings.getChildren().add(text);
            } else {
                Hyperlink open = new Hyperlink(text("ui.overview.go"));
                open.setOnAction(e -> model.open(w));
                text.setOnMouseClicked(e -> model.open(w));
                warnings.getChildren().add(new HBox(4, text, open));
            }
        }
    }

    private void showTargets() {
        targets.getChildren().clear();
        if (model.targets().isEmpty()) {
            if (model.overviewProperty().get() != null) {
                targets.add(new Label(text("ui.overview.targets-none")), 0, 0);
            }
            return;
        }
        header(targets, "ui.overview.col.target", "ui.overview.col.city-figure", "ui.overview.col.goal",
                "ui.overview.col.progress", "ui.overview.col.status");
        int row = 1;
        for (OverviewViewModel.TargetLine t : model.targets()) {
            Label status = new Label(t.status());
            if (t.state() == org.sanlian.workbench.core.targets.CityProgress.Status.BEHIND) {
                status.getStyleClass().add("overview-warning");
            }
            targets.addRow(row++, new Label(t.name()), new Label(t.figure()), new Label(t.target()),
                    new Label(t.progress()), status);
        }
    }

    private static void header(GridPane grid, String... keys) {
        for (int i = 0; i < keys.length; i++) {
            Label l = new Label(text(keys[i]));
            l.getStyleClass().add("overview-column-title");
            grid.add(l, i, 0);
        }
    }

    private static String text(String key, Object... args) {
        return Messages.get().text(key, args);
    }
}
