package kz.sailau.kiosk.ui;

import java.util.Objects;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The voter screen's top bar: a group at its start (the commission member's and the administrator's buttons) and a
 * group at its end (large text and the languages). Both sit on one row when they fit at their preferred widths;
 * otherwise the end group moves to a second row, still at the end. Neither group is ever squeezed below its
 * preferred width, so no button of the bar is cut or made smaller than a touch target on a narrow screen or with
 * large text (issue 15).
 */
final class TopBar extends Region {

    /** The space between the groups, across and down, in pixels. */
    static final double GAP = 16;
    private final Node start;
    private final Node end;

    /**
     * @param start the group laid out at the start (left)
     * @param end   the group laid out at the end (right), on its own row when both do not fit on one
     */
    TopBar(Node start, Node end) {
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        getStyleClass().add("top-bar");
        getChildren().addAll(start, end);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** Whether both groups fit side by side in {@code width} (inside the insets). */
    private boolean oneRow(double width) {
        return width < 0 || width(start) + GAP + width(end) <= width;
    }

    private static double width(Node node) {
        return node.prefWidth(-1);
    }

    private static double height(Node node) {
        return node.prefHeight(width(node));
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + width(start) + GAP + width(end) + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + Math.max(width(start), width(end)) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? -1 : width - in.getLeft() - in.getRight();
        double rows = oneRow(inner) ? Math.max(height(start), height(end)) : height(start) + GAP / 2 + height(end);
        return in.getTop() + rows + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double inner = getWidth() - in.getLeft() - in.getRight();
        double startWidth = Math.min(width(start), inner);
        double endWidth = Math.min(width(end), inner);
        if (oneRow(inner)) {
            double rowHeight = Math.max(height(start), height(end));
            layoutInArea(start, x, y, startWidth, rowHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, x + inner - endWidth, y, endWidth, rowHeight, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            double startHeight = height(start);
            layoutInArea(start, x, y, startWidth, startHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, x + inner - endWidth, y + startHeight + GAP / 2, endWidth, height(end), 0, HPos.RIGHT,
                    VPos.CENTER);
        }
    }
}
