package org.sanlian.workbench.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.sanlian.workbench.i18n.Messages;

/**
 * 帮助 (F1): the help page, a short text shipped as a resource in the user's language
 * ({@code ui/help/help_zh.txt}, {@code ui/help/help_en.txt}), shown in its own window without a web view.
 * The text uses three marks: a line starting {@code # } is a heading, {@code ## } a subheading,
 * {@code - } a list item; blank lines separate paragraphs.
 */
public final class HelpWindow {

    public static final String TEXT_ID = "help-text";

    private static Stage open;

    private HelpWindow() {
    }

    /** Shows the help window (brings it to the front when it is open already). */
    public static void show(Window owner, String stylesheet, String fontStyle) {
        if (open != null && open.isShowing()) {
            open.toFront();
            return;
        }
        TextFlow flow = new TextFlow();
        flow.setId(TEXT_ID);
        flow.setPadding(new Insets(16, 20, 20, 20));
        flow.setLineSpacing(4);
        flow.getChildren().setAll(render(text(Messages.get().locale())));
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("help-page");
        if (!fontStyle.isEmpty()) {
            scroll.setStyle(fontStyle);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(Messages.get().text("ui.help.title"));
        Scene scene = new Scene(scroll, 720, 640);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setOnHidden(e -> open = null);
        open = stage;
        stage.show();
    }

    /** The help text of a language (Chinese unless English is asked for). */
    public static String text(Locale locale) {
        String name = "/org/sanlian/workbench/ui/help/help_" + ("en".equals(locale.getLanguage()) ? "en" : "zh") + ".txt";
        try (InputStream in = HelpWindow.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /** The text as styled runs for a {@link TextFlow}. */
    static List<Node> render(String text) {
        List<Node> out = new ArrayList<>();
        for (String line : text.replace("\r", "").split("\n")) {
            Text t;
            if (line.startsWith("## ")) {
                t = new Text("\n" + line.substring(3) + "\n");
                t.getStyleClass().add("help-h2");
            } else if (line.startsWith("# ")) {
                t = new Text(line.substring(2) + "\n");
                t.getStyleClass().add("help-h1");
            } else if (line.startsWith("- ")) {
                t = new Text("  •  " + line.substring(2) + "\n");
                t.getStyleClass().add("help-item");
            } else if (line.isBlank()) {
                t = new Text("\n");
            } else {
                t = new Text(line + "\n");
            }
            t.getStyleClass().add("help-run");
            out.add(t);
        }
        return out;
    }
}
