package org.sanlian.workbench.ui.scheme;

import java.util.List;
import java.util.Optional;

import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

import org.sanlian.workbench.core.model.Dimension;
import org.sanlian.workbench.core.model.Node;
import org.sanlian.workbench.core.model.Scheme;

/**
 * The indicator tree of the scheme editor: dimensions and their indicators by name, each with its
 * points (a dimension whose written points differ from its children's sum marked). A node dragged
 * onto a sibling goes before it (upper half) or after it (lower half); other drops are refused, so a
 * node never changes parent.
 */
final class SchemeTree extends TreeView<String> {

    static final String ID = "scheme-tree";

    /** What a dragged node carries: its code. Private to the workbench, so other drags are not taken. */
    static final DataFormat NODE = new DataFormat("application/x-sanlian-scheme-node");

    private static final String DROP_BEFORE = "drop-before";
    private static final String DROP_AFTER = "drop-after";

    private final SchemeEditorViewModel model;
    /** Set while the items are rebuilt: their selection events then are not the user's choice. */
    private boolean rendering;

    SchemeTree(SchemeEditorViewModel model) {
        this.model = model;
        setId(ID);
        setShowRoot(false);
        setRoot(new TreeItem<>("")); // the scheme: not shown
        setCellFactory(v -> new NodeCell());
        getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && !rendering) {
                model.select(item.getValue());
            }
        });
        model.stateProperty().addListener((obs, old, now) -> render(now));
        model.selectedProperty().addListener((obs, old, now) -> showSelection(now));
        render(model.state());
    }

    private void render(Scheme scheme) {
        rendering = true;
        try {
            TreeItem<String> root = new TreeItem<>("");
            if (scheme != null) {
                add(root, scheme.tree());
            }
            boolean focused = isFocused();
            setRoot(root);
            showSelection(model.selectedProperty().get());
            if (focused) {
                requestFocus();
            }
        } finally {
            rendering = false;
        }
    }

    private static void add(TreeItem<String> parent, List<Node> nodes) {
        for (Node n : nodes) {
            TreeItem<String> item = new TreeItem<>(n.code());
            item.setExpanded(true);
            parent.getChildren().add(item);
            if (n instanceof Dimension d) {
                add(item, d.children());
            }
        }
    }

    private void showSelection(String code) {
        boolean was = rendering;
        rendering = true;
        try {
            TreeItem<String> item = code == null ? null : find(getRoot(), code);
            if (item == null) {
                getSelectionModel().clearSelection();
            } else if (getSelectionModel().getSelectedItem() != item) {
                getSelectionModel().select(item);
                scrollTo(getRow(item));
            }
        } finally {
            rendering = was;
        }
    }

    private static TreeItem<String> find(TreeItem<String> at, String code) {
        if (code.equals(at.getValue())) {
            return at;
        }
        for (TreeItem<String> c : at.getChildren()) {
            TreeItem<String> found = find(c, code);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private final class NodeCell extends TreeCell<String> {

        private final Label code = new Label();

        NodeCell() {
            code.getStyleClass().add("unit-code");
            setGraphicTextGap(8);
            setOnDragDetected(e -> {
                if (isEmpty() || getItem() == null || !model.editableProperty().get()) {
                    return;
                }
                Dragboard board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(NODE, getItem());
                board.setContent(content);
                board.setDragView(snapshot(null, null));
                e.consume();
            });
            setOnDragOver(e -> {
                Object dragged = e.getDragboard().getContent(NODE);
                if (isEmpty() || !(dragged instanceof String d) || !model.canDrop(d, getItem())) {
                    return;
                }
                e.acceptTransferModes(TransferMode.MOVE);
                getStyleClass().removeAll(DROP_BEFORE, DROP_AFTER);
                getStyleClass().add(e.getY() < getHeight() / 2 ? DROP_BEFORE : DROP_AFTER);
                e.consume();
            });
            setOnDragExited(e -> getStyleClass().removeAll(DROP_BEFORE, DROP_AFTER));
            setOnDragDropped(e -> {
                Object dragged = e.getDragboard().getContent(NODE);
                boolean done = false;
                if (!isEmpty() && dragged instanceof String d && model.canDrop(d, getItem())) {
                    model.moveBefore(d, before(e.getY() < getHeight() / 2));
                    done = true;
                }
                e.setDropCompleted(done);
                e.consume();
            });
        }

        /** The sibling a drop goes before: this one (upper half) or the next (lower half; none at the end). */
        private Optional<String> before(boolean upper) {
            if (upper) {
                return Optional.of(getItem());
            }
            TreeItem<String> next = getTreeItem().nextSibling();
            return next == null ? Optional.empty() : Optional.of(next.getValue());
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(DROP_BEFORE, DROP_AFTER, "weight-mismatch");
            Scheme s = model.state();
            Optional<Node> node = empty || item == null || s == null ? Optional.empty()
                    : SchemeEdits.find(s.tree(), item);
            if (node.isEmpty()) {
                setText(null);
                setGraphic(null);
                return;
            }
            String text = WeightCheck.label(node.get(), model.weightsProperty().get());
            setText(text);
            code.setText(item);
            setGraphic(code);
            if (text.contains(" ≠ ")) {
                getStyleClass().add("weight-mismatch");
            }
        }
    }
}
