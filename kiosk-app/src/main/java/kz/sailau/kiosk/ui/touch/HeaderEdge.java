package kz.sailau.kiosk.ui.touch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The lower edge of a header held over a panned screen (decision 0400), and what the pan would show cut by it: a
 * button, a field or a text of the screen sliding under the header, or a box's border line, whose top part lies under
 * the header and whose rest shows as a strip below its shadow (the bottom 20 px of a row of buttons, text cut through
 * its middle). {@link #skirt} says how far the header's background reaches down to cover those too, so that each thing
 * that slides under the header is either wholly under it or wholly below it (decision 0430).
 */
final class HeaderEdge {

    /** Rounding that does not count as a cut, in pixels. */
    private static final double SLACK = 0.5;
    /** Passes at most: each moves the edge past one more thing cut (a row, then what it cuts in turn). */
    private static final int PASSES = 8;

    private HeaderEdge() {
    }

    /**
     * How far below its own bottom the held {@code header} must draw its background so that its edge cuts nothing
     * of the screen panned by {@code pan}: 0 when nothing is cut, and 0 too when covering the cut would come within
     * {@code gap} of the field typed (its top {@code fieldTop}, unpanned), which must stay in view.
     *
     * @param header   the header held in place
     * @param ceiling  the header's lower edge, unpanned, in the coordinates of {@code unpanned}
     * @param pan      how far the screen is panned up
     * @param fieldTop the field's top, unpanned
     * @param gap      the room kept between the edge and the field
     * @param unpanned where a node lies with the screen not panned, in one coordinate space with {@code ceiling}
     */
    static double skirt(Node header, double ceiling, double pan, double fieldTop, double gap,
                        Function<Node, Bounds> unpanned) {
        Objects.requireNonNull(header, "header");
        Parent sliding = header.getParent();
        if (sliding == null || pan <= 0) {
            return 0;
        }
        List<Bounds> drawn = new ArrayList<>();
        for (Node each : sliding.getChildrenUnmodifiable()) {
            collect(each, header, null, unpanned, drawn);
        }
        // The edge where the screen, panned, meets the header: in unpanned coordinates, ceiling + pan.
        double edge = ceiling + pan;
        for (int pass = 0; pass < PASSES; pass++) {
            double past = edge;
            for (Bounds b : drawn) {
                if (b.getMinY() < edge - SLACK && b.getMaxY() > edge + SLACK) {
                    past = Math.max(past, b.getMaxY());
                }
            }
            if (past == edge) {
                return edge - ceiling - pan;
            }
            if (past > fieldTop - gap) {
                return 0;
            }
            edge = past;
        }
        return 0;
    }

    /**
     * The unpanned bounds of what is drawn under {@code node} (but not under {@code header}), each cut to the visible
     * part of the scroll pane around it ({@code port}, or null): a visible control whole (a label only with text);
     * of a box, the bands of its upper and lower border, and its background where it holds nothing (a box's middle
     * sliding under the header reads as scrolled under it, as a list under its heading; a border line or a button
     * cut across does not).
     */
    private static void collect(Node node, Node header, Bounds port, Function<Node, Bounds> unpanned,
                                List<Bounds> into) {
        if (node == header || !node.isVisible() || node.getOpacity() == 0 || node instanceof ScrollBar) {
            return;
        }
        Bounds box = unpanned.apply(node);
        if (node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ComboBoxBase
                || node instanceof Labeled labeled && (labeled.getText() != null && !labeled.getText().isBlank()
                || labeled.getGraphic() != null)) {
            add(box, port, into);
            // A control's skin is drawn with it: its parts are not cut apart from it.
            return;
        }
        if (node instanceof Region region && !(node instanceof Control)) {
            if (region.getBorder() != null && !region.getBorder().isEmpty()) {
                double top = region.getBorder().getInsets().getTop();
                double bottom = region.getBorder().getInsets().getBottom();
                if (top > 0) {
                    add(new BoundingBox(box.getMinX(), box.getMinY(), box.getWidth(), top), port, into);
                }
                if (bottom > 0) {
                    add(new BoundingBox(box.getMinX(), box.getMaxY() - bottom, box.getWidth(), bottom), port, into);
                }
            }
            if (region.getChildrenUnmodifiable().isEmpty() && hasOwnFill(region.getBackground(), header)) {
                add(box, port, into);
            }
        }
        Bounds inner = port;
        if (node instanceof ScrollPane scroll) {
            Node view = scroll.lookup(".viewport");
            Bounds viewport = unpanned.apply(view == null ? scroll : view);
            inner = port == null ? viewport : intersection(viewport, port);
            if (inner == null) {
                return;
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, header, inner, unpanned, into);
            }
        }
    }

    /** Adds the part of {@code drawn} inside {@code port} (all of it when {@code port} is null), if any. */
    private static void add(Bounds drawn, Bounds port, List<Bounds> into) {
        Bounds shown = port == null ? drawn : intersection(drawn, port);
        if (shown != null) {
            into.add(shown);
        }
    }

    /** A fill that is neither transparent nor the held header's own (the screen's background under it). */
    private static boolean hasOwnFill(Background background, Node header) {
        if (background == null || background.isEmpty()) {
            return false;
        }
        Background behind = header instanceof Region region ? region.getBackground() : null;
        for (BackgroundFill fill : background.getFills()) {
            boolean clear = fill.getFill() instanceof Color color && color.getOpacity() == 0;
            boolean same = behind != null && behind.getFills().stream().anyMatch(b -> b.getFill().equals(fill.getFill()));
            if (!clear && !same) {
                return true;
            }
        }
        return false;
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX <= minX || maxY <= minY ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }
}
