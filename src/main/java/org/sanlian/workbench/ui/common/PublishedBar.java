package org.sanlian.workbench.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

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
}
