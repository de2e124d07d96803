package org.sanlian.workbench.ui.targets;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;

import org.sanlian.workbench.ui.common.CityTargetText;
import org.sanlian.workbench.app.CityTargetService;
import org.sanlian.workbench.core.model.CityTarget;
import org.sanlian.workbench.core.targets.CityProgress;
import org.sanlian.workbench.i18n.Messages;

/**
 * 目标进度: the goals of the city in a table (name, city figure and the entered 全市数, target,
 * baseline, progress as a bar and a percentage, yearly path needed, status) and, below, the units
 * of the goal chosen with their figures and their part of the gap. Built in code; only shows.
 */
public final class TargetsView extends VBox {

    public static final String TABLE_ID = "targets-table";
    public static final String UNITS_ID = "targets-units";
    public static final String SUMMARY_ID = "targets-summary";
    public static final String DETAIL_ID = "targets-detail";
    public static final String WARNING_ID = "targets-warning";
    public static final String ERROR_ID = "targets-error";
    public static final String FIGURE_COLUMN_ID = "targets-figure";
    public static final String ENTERED_COLUMN_ID = "targets-entered";
    public static final String STATUS_COLUMN_ID = "targets-status";

    private final TargetsViewModel model;

    public TargetsView(TargetsViewModel model) {
        super(8);
        this.model = model;
        createView();
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("targets-view");
        setPadding(new Insets(10));

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("section-title");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        HBox top = new HBox(8, summary, busy);

        Label error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        TableView<CityTargetService.Row> goals = goalTable(m);
        goals.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null && row != model.selectedProperty().get()) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((o, a, row) -> {
            if (row != null && goals.getSelectionModel().getSelectedItem() != row) {
                goals.getSelectionModel().select(row);
            }
        });

        Label detail = new Label();
        detail.setId(DETAIL_ID);
        detail.getStyleClass().add("section-title");
        detail.setWrapText(true);
        detail.textProperty().bind(model.detailProperty());
        Label warning = new Label();
        warning.setId(WARNING_ID);
        warning.getStyleClass().add("targets-warning");
        warning.setWrapText(true);
        warning.textProperty().bind(model.warningProperty());
        warning.managedProperty().bind(warning.textProperty().isNotEmpty());
        warning.visibleProperty().bind(warning.managedProperty());
        TableView<CityProgress.UnitPart> units = unitTable(m);
        VBox lower = new VBox(6, detail, warning, units);
        VBox.setVgrow(units, Priority.ALWAYS);

        SplitPane split = new SplitPane(goals, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label hint = new Label(m.text("ui.targets.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        getChildren().addAll(top, error, split, hint);
    }

    private TableView<CityTargetService.Row> goalTable(Messages m) {
        TableView<CityTargetService.Row> table = new TableView<>(model.rows());
        table.setId(TABLE_ID);
        table.setPlaceholder(new Label(m.text("ui.targets.empty")));
        table.getColumns().add(column(null, m.text("ui.targets.col.name"), 260, r -> r.goal().target().name()));
        table.getColumns().add(column(FIGURE_COLUMN_ID, m.text("ui.targets.col.figure"), 100,
                r -> CityTargetText.number(r.goal().figure())));
        TableColumn<CityTargetService.Row, String> entered = column(ENTERED_COLUMN_ID, m.text("ui.targets.col.entered"),
                100, r -> CityTargetText.number(r.entered()));
        entered.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("targets-differs");
                CityTargetService.Row row = empty ? null : getTableRow().getItem();
                if (row != null && row.differs()) {
                    getStyleClass().add("targets-differs");
                }
            }
        });
        table.getColumns().add(entered);
        table.getColumns().add(column(null, m.text("ui.targets.col.target"), 110,
                r -> CityTargetText.target(r.goal().target())));
        table.getColumns().add(column(null, m.text("ui.targets.col.baseline"), 110,
                r -> CityTargetText.baseline(r.goal().target())));
        TableColumn<CityTargetService.Row, CityTargetService.Row> progress = new TableColumn<>(
                m.text("ui.targets.col.progress"));
        progress.setPrefWidth(170);
        progress.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = new Label();
            private final HBox box = new HBox(6, bar, text);

            {
                bar.setPrefWidth(90);
            }

            @Override
            protected void updateItem(CityTargetService.Row row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || row.goal().progress().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(CityTargetText.bar(row.goal()));
                text.setText(CityTargetText.percent(row.goal().progress()));
                setGraphic(box);
            }
        });
        table.getColumns().add(progress);
        table.getColumns().add(column(null, m.text("ui.targets.col.yearly"), 110,
                r -> CityTargetText.yearly(r.goal())));
        TableColumn<CityTargetService.Row, String> status = column(STATUS_COLUMN_ID, m.text("ui.targets.col.status"),
                80, r -> CityTargetText.status(r.goal().status()));
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("targets-reached", "targets-on-track", "targets-behind");
                CityTargetService.Row row = empty ? null : getTableRow().getItem();
                if (row != null) {
                    switch (row.goal().status()) {
                        case REACHED -> getStyleClass().add("targets-reached");
                        case ON_TRACK -> getStyleClass().add("targets-on-track");
                        case BEHIND -> getStyleClass().add("targets-behind");
                        default -> { }
                    }
                }
            }
        });
        table.getColumns().add(status);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return table;
    }

    private TableView<CityProgress.UnitPart> unitTable(Messages m) {
        TableView<CityProgress.UnitPart> table = new TableView<>(model.units());
        table.setId(UNITS_ID);
        table.setPlaceholder(new Label(m.text("ui.targets.choose")));
        table.getColumns().add(column(null, m.text("ui.targets.col.unit"), 140,
                u -> u.missing() ? m.text("ui.targets.unit-missing", u.name()) : u.name()));
        table.getColumns().add(column(null, m.text("ui.targets.col.unit-value"), 110,
                u -> CityTargetText.number(u.value())));
        TableColumn<CityProgress.UnitPart, String> share = column(null, m.text("ui.targets.col.share"), 130,
                u -> CityTargetText.percent(u.shareOfCity()));
        TableColumn<CityProgress.UnitPart, String> gap = column(null, m.text("ui.targets.col.gap-share"), 150,
                u -> CityTargetText.number(u.shareOfGap()));
        TableColumn<CityProgress.UnitPart, String> effect = column(null, m.text("ui.targets.col.effect"), 170,
                u -> signed(u.effect().isPresent() ? u.effect().getAsDouble() : Double.NaN));
        table.getColumns().addAll(share, gap, effect);
        model.selectedProperty().addListener((o, a, row) -> {
            boolean recompute = row != null
                    && row.goal().target().aggregate() == CityTarget.CityAggregate.RECOMPUTE;
            share.setVisible(!recompute);
            gap.setVisible(!recompute);
            effect.setVisible(recompute);
        });
        effect.setVisible(false);
        return table;
    }

    private static String signed(double v) {
        String s = CityTargetText.number(v);
        return v > 0 && !s.equals("0") ? "+" + s : s;
    }

    private static <S> TableColumn<S, String> column(String id, String title, double width, Function<S, String> text) {
        TableColumn<S, String> c = new TableColumn<>(title);
        if (id != null) {
            c.setId(id);
        }
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        return c;
    }
}
