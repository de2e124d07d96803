package org.sanlian.workbench.ui.bulletins;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.sanlian.workbench.i18n.Messages;

/**
 * The confirmation before publishing: what publishing freezes, and the bulletin's number (proposed,
 * editable). Enter publishes, Escape cancels; a blank number cannot be confirmed.
 */
final class PublishDialog {

    static final String NUMBER_ID = "bulletins-number";
    static final String EXPLANATION_ID = "bulletins-confirm-text";

    private PublishDialog() {
    }

    /** The number to publish under; empty when the user cancels. */
    static Optional<String> ask(Window owner, String explanation, String proposed) {
        Messages m = Messages.get();
        Dialog<String> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(m.text("ui.bulletins.confirm-title"));
        dialog.setHeaderText(m.text("ui.bulletins.confirm-header"));
        Label what = new Label(explanation);
        what.setId(EXPLANATION_ID);
        what.setWrapText(true);
        what.setMaxWidth(520);
        TextField number = new TextField(proposed);
        number.setId(NUMBER_ID);
        number.setPrefColumnCount(16);
        Label label = new Label(m.text("ui.bulletins.number-label"));
        label.setMnemonicParsing(true);
        label.setLabelFor(number);
        Label hint = new Label(m.text("ui.bulletins.number-hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        dialog.getDialogPane().setContent(new VBox(8, what, label, number, hint));
        ButtonType publish = new ButtonType(m.text("ui.bulletins.confirm-publish"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(m.text("ui.bulletins.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(publish, cancel);
        Node ok = dialog.getDialogPane().lookupButton(publish);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> number.getText().isBlank(),
                number.textProperty()));
        dialog.setResultConverter(b -> b == publish ? number.getText().strip() : null);
        dialog.setOnShown(e -> {
            number.requestFocus();
            number.selectAll();
        });
        return dialog.showAndWait().filter(s -> !s.isBlank());
    }
}
