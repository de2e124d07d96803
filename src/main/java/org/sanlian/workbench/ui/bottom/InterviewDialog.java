package org.sanlian.workbench.ui.bottom;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.sanlian.workbench.core.model.Interview;
import org.sanlian.workbench.core.model.InterviewStatus;
import org.sanlian.workbench.i18n.Messages;
import org.sanlian.workbench.ui.results.ResultFormat;

/**
 * The dialog that adds or changes one interview record: date held, attendees, rectification plan,
 * deadline, status and (when adding) the bulletin it follows. Dates are written 2025-12-01. 确定
 * (Enter) is refused, with the reasons shown in the dialog, while the record would be refused by
 * {@code check}; 取消 (Escape) changes nothing.
 */
final class InterviewDialog extends Dialog<Interview> {

    static final String HELD_ID = "interview-held";
    static final String ATTENDEES_ID = "interview-attendees";
    static final String PLAN_ID = "interview-plan";
    static final String DEADLINE_ID = "interview-deadline";
    static final String STATUS_ID = "interview-status";
    static final String BULLETIN_ID = "interview-bulletin";
    static final String PROBLEM_ID = "interview-problem";

    /** ISO dates (2025-12-01), whatever the locale writes. */
    private static final StringConverter<LocalDate> ISO = new StringConverter<>() {
        @Override
        public String toString(LocalDate d) {
            return d == null ? "" : d.toString();
        }

        @Override
        public LocalDate fromString(String text) {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        }
    };

    InterviewDialog(Window owner, Interview start, boolean adding, String unitName, List<String> bulletins,
                    Function<Interview, Optional<String>> check) {
        Messages m = Messages.get();
        initOwner(owner);
        setTitle(m.text(adding ? "ui.bottom.add-title" : "ui.bottom.edit-title"));
        setHeaderText(m.text("ui.bottom.dialog-header", unitName, ResultFormat.period(start.period())));

        DatePicker held = datePicker(HELD_ID, start.heldOn());
        TextField attendees = new TextField(start.attendees());
        attendees.setId(ATTENDEES_ID);
        attendees.setPromptText(m.text("ui.bottom.attendees-prompt"));
        attendees.setPrefColumnCount(30);
        TextArea plan = new TextArea(start.plan());
        plan.setId(PLAN_ID);
        plan.setPromptText(m.text("ui.bottom.plan-prompt"));
        plan.setPrefRowCount(4);
        plan.setWrapText(true);
        DatePicker deadline = datePicker(DEADLINE_ID, start.deadline());
        ComboBox<InterviewStatus> status = new ComboBox<>();
        status.setId(STATUS_ID);
        status.getItems().setAll(InterviewStatus.values());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(InterviewStatus s) {
                return s == null ? "" : BottomViewModel.statusText(s);
            }

            @Override
            public InterviewStatus fromString(String text) {
                return null;
            }
        });
        status.setValue(start.status());
        ComboBox<String> bulletin = new ComboBox<>();
        bulletin.setId(BULLETIN_ID);
        String none = m.text("ui.bottom.no-bulletin");
        bulletin.getItems().add(none);
        bulletin.getItems().addAll(bulletins);
        if (start.bulletin().isPresent() && !bulletin.getItems().contains(start.bulletin().get())) {
            bulletin.getItems().add(start.bulletin().get());
        }
        bulletin.setValue(start.bulletin().orElse(none));
        // the bulletin that listed the unit is part of the record's identity: fixed once kept
        bulletin.setDisable(!adding);

        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add("error-message");
        problem.setWrapText(true);
        problem.setMaxWidth(460);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label("ui.bottom.col.held", held), held);
        grid.addRow(1, label("ui.bottom.col.attendees", attendees), attendees);
        grid.addRow(2, label("ui.bottom.col.plan", plan), plan);
        grid.addRow(3, label("ui.bottom.col.deadline", deadline), deadline);
        grid.addRow(4, label("ui.bottom.col.status", status), status);
        grid.addRow(5, label("ui.bottom.col.bulletin", bulletin), bulletin);
        grid.add(problem, 0, 6, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);

        Interview[] made = new Interview[1];
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            Optional<String> why;
            try {
                Optional<String> link = Optional.ofNullable(bulletin.getValue()).filter(b -> !b.equals(none));
                made[0] = new Interview(start.id(), start.unit(), start.period(), link,
                        date(held), attendees.getText(), plan.getText(), date(deadline),
                        status.getValue() == null ? start.status() : status.getValue());
                why = check.apply(made[0]);
            } catch (DateTimeParseException bad) {
                why = Optional.of(m.text("ui.bottom.bad-date", bad.getParsedString()));
            }
            if (why.isPresent()) {
                problem.setText(why.get());
                e.consume();
            }
        });
        setResultConverter(b -> b == ButtonType.OK ? made[0] : null);
        setOnShown(e -> held.getEditor().requestFocus());
    }

    private static DatePicker datePicker(String id, Optional<LocalDate> value) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setConverter(ISO);
        p.setPromptText("2025-12-01");
        p.setValue(value.orElse(null));
        return p;
    }

    /** The date written in the picker's field (typed text counts even before it is committed). */
    private static Optional<LocalDate> date(DatePicker p) {
        return Optional.ofNullable(ISO.fromString(p.getEditor().getText()));
    }

    private static Label label(String key, Node field) {
        Label l = new Label(Messages.get().text(key));
        l.setLabelFor(field);
        return l;
    }
}
