package org.sanlian.workbench.ui.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.sanlian.workbench.ui.common.LayoutMemory;
import org.sanlian.workbench.ui.common.LazyTab;
import org.sanlian.workbench.core.bottom.Level;
import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Period;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.shell.ShellView;

/**
 * The results of a period (计算与排名): a period chooser, then the overall ranking and one ranking per
 * zone, each with dimension subtotals, adjustments, rank change and the bottom-list mark; listed rows
 * are tinted. Built in code (createView / initListeners); all state lives in the view model. The tabs
 * are built again when a period's scheme brings other columns or zones, and the 示例数据 banner is
 * shown while the figures shown are simulated. Below the tabs (a split pane whose divider is
 * remembered) the chosen row's unit breakdown ({@link BreakdownView}); a last tab 图表 shows each
 * zone's totals ({@link TotalsChartsPane}).
 * Ctrl+1..9 chooses a tab; 查找单位 (Ctrl+F in the window) selects the first unit whose name or code
 * holds the text, Enter the next.
 */
public final class ResultsView extends BorderPane {

    public static final String OVERALL_TABLE_ID = "table-overall";
    public static final String PERIOD_BOX_ID = "period";
    public static final String TABS_ID = "result-tabs";
    public static final String STATUS_ID = "status";
    public static final String ERROR_ID = "error";
    public static final String BANNER_ID = "simulated-banner";
    public static final String FIND_ID = "results-find";
    public static final String SPLIT_ID = "results-split";
    public static final String CHARTS_TAB_ID = "results-charts-tab";

    /** Row style classes by bottom-list level (workbench.css tints them). */
    public static final String STYLE_NORMAL = "bottom-normal";
    public static final String STYLE_ESCALATED = "bottom-escalated";
    public static final String STYLE_REMINDER = "bottom-reminder";
    private static final List<String> ROW_STYLES = List.of(STYLE_NORMAL, STYLE_ESCALATED, STYLE_REMINDER);

    /** The style class of the ranking tables: rows of one height (workbench.css), laid out without measuring each. */
    public static final String RANKING_TABLE = "ranking-table";

    /**
     * The width of the score columns. Not JavaFX's default column width (80): a column of exactly that
     * width is sized to its first 30 rows when its table is first shown (TableColumnHeader), a cell
     * made and styled per row and column, at every start.
     */
    static final double SCORE_WIDTH = 84;

    private final ResultsViewModel model;
    private final boolean periodChooser;

    private VBox top;
    private Label banner;
    private ComboBox<Period> periodBox;
    private ProgressIndicator busy;
    private TabPane tabs;
    private Label status;
    private Label error;
    private TextField find;
    private BreakdownView breakdown;

    public ResultsView(ResultsViewModel model) {
        this(model, true);
    }

    /**
     * @param periodChooser whether the view offers its own period chooser; inside the window the
     *                      period is chosen at the top, for every screen, and the view shows it
     */
    public ResultsView(ResultsViewModel model, boolean periodChooser) {
        this.model = model;
        this.periodChooser = periodChooser;
        createView();
        initListeners();
    }

    /** The table of a zone's tab, by zone code, for tests and later screens. */
    public static String zoneTableId(String zoneCode) {
        return "table-zone-" + zoneCode;
    }

    public static String styleClass(Level level) {
        switch (level) {
            case ESCALATED: return STYLE_ESCALATED;
            case REMINDER: return STYLE_REMINDER;
            default: return STYLE_NORMAL;
        }
    }

    private void createView() {
        Messages m = Messages.get();
        getStyleClass().add("results-view");

        top = new VBox();
        banner = new Label(m.text("ui.results.simulated-banner"));
        banner.setId(BANNER_ID);
        banner.getStyleClass().add("simulated-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        showBanner(model.simulated());
        Label periodLabel = new Label(m.text("ui.results.period"));
        periodBox = new ComboBox<>(model.periods());
        periodBox.setId(PERIOD_BOX_ID);
        periodBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Period p) {
                return p == null ? "" : ResultFormat.period(p);
            }

            @Override
            public Period fromString(String text) {
                return null; // not editable
            }
        });
        periodLabel.setLabelFor(periodBox);
        busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setFocusTraversable(false);
        HBox toolbar = new HBox(8);
        if (periodChooser) {
            toolbar.getChildren().addAll(periodLabel, periodBox, busy);
        } else {
            Label shown = new Label();
            shown.getStyleClass().add("section-title");
            shown.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> model.getSelectedPeriod() == null ? ""
                            : m.text("ui.results.heading", ResultFormat.period(model.getSelectedPeriod())),
                    model.selectedPeriodProperty()));
            toolbar.getChildren().addAll(shown, busy);
        }
        find = new TextField();
        find.setId(FIND_ID);
        find.getStyleClass().add(ShellView.FIND_FIELD);
        find.setPromptText(m.text("ui.results.find"));
        find.setPrefColumnCount(14);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        toolbar.getChildren().addAll(gap, find);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8, 10, 8, 10));
        toolbar.getStyleClass().add("results-toolbar");
        top.getChildren().add(toolbar);
        setTop(top);

        tabs = new TabPane();
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        createTabs(model.layout());
        breakdown = new BreakdownView(model);
        SplitPane split = new SplitPane(tabs, breakdown);
        split.setId(SPLIT_ID);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        LayoutMemory.dividers(split);
        setCenter(split);

        error = new Label();
        error.setId(ERROR_ID);
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().add("status-line");
        status.setMaxWidth(Double.MAX_VALUE);
        VBox bottom = new VBox(4, error, status);
        bottom.setPadding(new Insets(6, 10, 6, 10));
        setBottom(bottom);
    }

    private void initListeners() {
        periodBox.valueProperty().bindBidirectional(model.selectedPeriodProperty());
        busy.visibleProperty().bind(model.busyProperty());
        status.textProperty().bind(model.statusProperty());
        error.textProperty().bind(model.errorMessageProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorMessageProperty()));
        error.managedProperty().bind(error.visibleProperty());
        addEventFilter(KeyEvent.KEY_PRESSED, this::switchTabByShortcut);
        find.textProperty().addListener((obs, old, text) -> findUnit(text, false));
        find.setOnAction(e -> findUnit(find.getText(), true));
        model.simulatedProperty().addListener((obs, was, is) -> showBanner(is));
        model.layoutProperty().addListener((obs, old, layout) -> createTabs(layout));
    }

    /**
     * Selects, in the shown tab, the first unit whose name or code contains {@code text} (the next
     * one after the selected row when {@code next}, from the top again after the last) and scrolls
     * to it.
     */
    @SuppressWarnings("unchecked")
    private void findUnit(String text, boolean next) {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        String wanted = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (tab == null || !(tab.getContent() instanceof TableView) || wanted.isEmpty()) {
            return;
        }
        TableView<ResultRow> table = (TableView<ResultRow>) tab.getContent();
        List<ResultRow> rows = table.getItems();
        int from = next ? table.getSelectionModel().getSelectedIndex() + 1 : 0;
        for (int i = 0; i < rows.size(); i++) {
            int at = (from + i) % rows.size();
            ResultRow row = rows.get(at);
            if (row.unitName().toLowerCase(java.util.Locale.ROOT).contains(wanted)
                    || row.unitCode().toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                table.getSelectionModel().clearAndSelect(at);
                table.scrollTo(at);
                return;
            }
        }
    }

    /** The 示例数据 banner is in the view only while simulated figures are shown. */
    private void showBanner(boolean simulated) {
        if (simulated && !top.getChildren().contains(banner)) {
            top.getChildren().add(0, banner);
        } else if (!simulated) {
            top.getChildren().remove(banner);
        }
    }

    /** The overall tab and one per zone, for the layout of the scheme shown; the chosen tab stays where it can. */
    private void createTabs(ResultsViewModel.Layout layout) {
        int selected = tabs.getSelectionModel().getSelectedIndex();
        List<Tab> all = new ArrayList<>();
        all.add(new Tab(Messages.get().text("ui.results.overall"),
                createTable(OVERALL_TABLE_ID, model.overallRows(), layout)));
        for (ResultsViewModel.ZoneRows z : layout.zoneRows()) {
            // a zone's table is made when its tab is first shown
            all.add(LazyTab.of(z.zone().name(), () -> createTable(zoneTableId(z.zone().code()), z.rows(), layout)));
        }
        TotalsChartsPane chartsPane = new TotalsChartsPane(model);
        Tab charts = new Tab(Messages.get().text("ui.results.chart.tab"), chartsPane);
        charts.setId(CHARTS_TAB_ID);
        charts.selectedProperty().addListener((o, was, is) -> chartsPane.setShown(is));
        all.add(charts);
        tabs.getTabs().setAll(all);
        tabs.getSelectionModel().select(selected >= 0 && selected < all.size() ? selected : 0);
    }

    private void switchTabByShortcut(KeyEvent e) {
        if (!e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        int index = digit(e.getCode());
        if (index >= 1 && index <= tabs.getTabs().size()) {
            tabs.getSelectionModel().select(index - 1);
            e.consume();
        }
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char c = name.charAt(name.length() - 1);
            return Character.isDigit(c) ? c - '0' : -1;
        }
        return -1;
    }

    private TableView<ResultRow> createTable(String id, ObservableList<ResultRow> rows,
                                             ResultsViewModel.Layout layout) {
        Messages m = Messages.get();
        ResultFormat format = layout.format();
        TableView<ResultRow> table = new TableView<>();
        table.setId(id);
        table.getStyleClass().add(RANKING_TABLE);
        LayoutMemory.columns(table);
        SortedList<ResultRow> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(m.text("ui.results.empty")));

        List<TableColumn<ResultRow, ?>> columns = table.getColumns();
        columns.add(column("rank", m.text("ui.results.rank"), 56, ResultRow::rank, String::valueOf, "number"));
        columns.add(column("zoneRank", m.text("ui.results.zone-rank"), 72, ResultRow::zoneRank, String::valueOf, "number"));
        columns.add(column("unit", m.text("ui.results.unit"), 150, ResultRow::unitName, Function.identity()));
        columns.add(column("zone", m.text("ui.results.zone"), 100, ResultRow::zoneName, Function.identity()));
        columns.add(column("total", m.text("ui.results.total"), SCORE_WIDTH, ResultRow::total, format::score, "number", "total"));
        List<Dimension> dims = layout.dimensionColumns();
        for (int i = 0; i < dims.size(); i++) {
            int at = i;
            columns.add(column("dim-" + dims.get(i).code(), dims.get(i).name(), titleWidth(dims.get(i).name(), SCORE_WIDTH),
                    r -> subtotal(r.subtotals().get(at)), format::score, "number"));
        }
        columns.add(column("bonus", m.text("ui.results.bonus"), 64, ResultRow::bonus, format::score, "number"));
        columns.add(column("penalty", m.text("ui.results.penalty"), 64, ResultRow::penalty, format::score, "number"));
        TableColumn<ResultRow, ResultRow> change = column("rankChange", m.text("ui.results.rank-change"), 76,
                r -> r, r -> format.rankChange(r.rankChange(), r.newcomer()), "centered");
        // by places gained; a newcomer (新) after every unit that has a change
        change.setComparator(java.util.Comparator.comparingInt(
                r -> r.rankChange().isPresent() ? r.rankChange().getAsInt() : Integer.MIN_VALUE));
        columns.add(change);
        columns.add(column("bottom", m.text("ui.results.bottom"), SCORE_WIDTH,
                r -> r.bottom().orElse(null), l -> format.bottomMark(Optional.of(l)), "centered", "mark"));
        columns.add(column("veto", m.text("ui.results.veto"), SCORE_WIDTH, ResultRow::vetoed, format::veto, "centered", "mark"));

        // a chosen row shows its unit's breakdown below; Enter moves there
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectUnit(row.unitCode());
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                model.selectUnit(table.getSelectionModel().getSelectedItem().unitCode());
                breakdown.focusTable();
                e.consume();
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ResultRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(ROW_STYLES);
                if (!empty && row != null && row.bottom().isPresent()) {
                    getStyleClass().add(styleClass(row.bottom().get()));
                }
            }
        });
        return table;
    }

    /**
     * A column wide enough for its whole title, at least {@code least}: an ideograph (or any wide
     * character) takes about the font's size (13 px), another character about 0.62 of it, and the
     * header's padding and sort arrow about 1.7 of it. Estimated rather than measured, so that no
     * text is laid out for it while the table is built.
     */
    static double titleWidth(String title, double least) {
        double ems = 1.7;
        for (int i = 0; i < title.length(); ) {
            int c = title.codePointAt(i);
            i += Character.charCount(c);
            ems += wide(c) ? 1.0 : 0.62;
        }
        return Math.max(least, Math.ceil(ems * 13));
    }

    private static boolean wide(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F);
    }

    private static Double subtotal(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** A read-only column whose cells show {@code text} of the value; sorting uses the value itself. */
    private static <T> TableColumn<ResultRow, T> column(String id, String title, double width,
                                                        Function<ResultRow, T> value, Function<T, String> text,
                                                        String... styleClasses) {
        TableColumn<ResultRow, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.getStyleClass().addAll(styleClasses);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return c;
    }
}
