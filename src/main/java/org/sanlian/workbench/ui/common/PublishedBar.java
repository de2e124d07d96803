package org.sanlian.workbench.ui.common;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.sanlian.workbench.i18n.Messages;

/**
 * The notice above an editor of a year's scheme while a published bulletin used that year (or a save
 * was refused for it): why nothing can be changed, and 复制到新年度 to keep the edits as a new year's
 * scheme. Shown only while {@code shown} holds; the button is off while {@code locked} holds.
 */
public final class PublishedBar extends HBox {

    /**
     * @param messageId the id of the notice's label (tests look it up)
     * @param copyId    the id of the copy button
     */
    public PublishedBar(String message, String messageId, String copyId, ObservableBooleanValue shown,
                        ObservableBooleanValue locked, Runnable copy) {
        super(12);
        Label notice = new Label(message);
        notice.setWrapText(true);
        notice.setId(messageId);
        Button button = new Button(Messages.get().text("ui.units.copy"));
        button.setId(copyId);
        button.setOnAction(e -> copy.run());
        button.disableProperty().bind(locked);
        getChildren().setAll(notice, button);
        HBox.setHgrow(notice, Priority.ALWAYS);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("notice-bar");
        visibleProperty().bind(shown);
        managedProperty().bind(visibleProperty());
    }

    /**
     * 复制到新年度: asks for the new year (suggested, checked as it is typed by {@code check}, which
     * gives the reason a year cannot be taken) and hands a sound one to {@code copy}.
     *
     * @param dirty    whether there are unsaved edits (the header says they go with the copy)
     * @param yearId   the id of the year field, errorId that of the reason (tests look them up)
     */
    public static void askNewYear(Window owner, int from, int suggested, boolean dirty,
                                  Function<String, Optional<String>> check, IntConsumer copy, String yearId,
                                  String errorId) {
        Messages m = Messages.get();
        TextInputDialog dialog = new TextInputDialog(Integer.toString(suggested));
        dialog.initOwner(owner);
        dialog.setTitle(m.text("ui.units.copy-title"));
        dialog.setHeaderText(m.text(dirty ? "ui.units.copy-header-edited" : "ui.units.copy-header",
                Integer.toString(from)));
        dialog.getEditor().setId(yearId);
        Label problem = new Label();
        problem.getStyleClass().add("error-message");
        problem.setId(errorId);
        dialog.getDialogPane().setContent(new VBox(8, new Label(m.text("ui.units.copy-year")), dialog.getEditor(),
                problem));
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable checkNow = () -> {
            Optional<String> p = check.apply(dialog.getEditor().getText());
            problem.setText(p.orElse(""));
            ok.setDisable(p.isPresent());
        };
        dialog.getEditor().textProperty().addListener((o, a, b) -> checkNow.run());
        checkNow.run();
        dialog.showAndWait().ifPresent(text -> {
            if (check.apply(text).isEmpty()) {
                copy.accept(Integer.parseInt(text.strip()));
            }
        });
    }
}
