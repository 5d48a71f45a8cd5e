package kz.sailau.kiosk.ui;

import java.util.Objects;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Rotate;
import kz.sailau.kiosk.model.FingerPosition;

/**
 * Both hands seen from above, palms down, as the voter sees their own hands over the scanner: the left hand on the
 * left with its thumb pointing right, the right hand on the right with its thumb pointing left. The finger the
 * kiosk asks for ({@link kz.sailau.kiosk.checkin.CapturePolicy}) is filled in the accent colour; the others are
 * plain. Each finger is a node with id {@code hand-<finger>} (e.g. {@code hand-right_index}) and style class
 * {@code hand-finger}, the requested one also {@code hand-finger-requested}. No text: the sentence beside it says
 * the same in the voter's language.
 */
final class HandPicture extends Pane {

    /** Finger lengths, thumb to little finger, in pixels. */
    private static final double[] LENGTH = {44, 70, 78, 70, 54};
    private static final double FINGER_WIDTH = 24;
    private static final double GAP = 6;
    private static final double PALM_WIDTH = 5 * FINGER_WIDTH + 3 * GAP - FINGER_WIDTH;
    private static final double PALM_HEIGHT = 92;
    /** The palm's top: the longest finger starts 8 px below the picture's top (the finger screen's height is scarce). */
    private static final double TOP = 72;
    /** Below the palm. */
    private static final double BOTTOM = 4;

    /**
     * @param requested the finger to highlight
     * @param accessibleText what a screen reader says, e.g. "Place your right index finger on the scanner"
     */
    HandPicture(FingerPosition requested, String accessibleText) {
        Objects.requireNonNull(requested, "requested");
        setId("hand-picture");
        getStyleClass().add("hand-picture");
        setAccessibleText(accessibleText);
        getChildren().addAll(hand(false, 10, requested), hand(true, 210, requested));
        setPrefSize(400, TOP + PALM_HEIGHT + BOTTOM);
        setMinSize(400, TOP + PALM_HEIGHT + BOTTOM);
        setMaxSize(400, TOP + PALM_HEIGHT + BOTTOM);
    }

    private static Group hand(boolean right, double left, FingerPosition requested) {
        Group hand = new Group();
        double palmLeft = left + (right ? 50 : 10);
        Rectangle palm = new Rectangle(palmLeft, TOP, PALM_WIDTH, PALM_HEIGHT);
        palm.setArcWidth(36);
        palm.setArcHeight(36);
        palm.getStyleClass().add("hand-palm");
        hand.getChildren().add(palm);
        FingerPosition[] order = right ? new FingerPosition[] {FingerPosition.RIGHT_INDEX, FingerPosition.RIGHT_MIDDLE,
                FingerPosition.RIGHT_RING, FingerPosition.RIGHT_LITTLE}
                : new FingerPosition[] {FingerPosition.LEFT_LITTLE, FingerPosition.LEFT_RING, FingerPosition.LEFT_MIDDLE,
                FingerPosition.LEFT_INDEX};
        for (int i = 0; i < order.length; i++) {
            double length = LENGTH[4 - lengthIndexFromLittle(order[i])];
            Rectangle finger = new Rectangle(palmLeft + i * (FINGER_WIDTH + GAP), TOP - length + 14, FINGER_WIDTH,
                    length);
            hand.getChildren().add(style(finger, order[i], requested));
        }
        FingerPosition thumb = right ? FingerPosition.RIGHT_THUMB : FingerPosition.LEFT_THUMB;
        double thumbX = right ? palmLeft - LENGTH[0] + 10 : palmLeft + PALM_WIDTH - 10;
        Rectangle thumbShape = new Rectangle(thumbX, TOP + 26, LENGTH[0], FINGER_WIDTH + 2);
        thumbShape.getTransforms().add(new Rotate(right ? 25 : -25, right ? thumbX + LENGTH[0] : thumbX,
                TOP + 39));
        hand.getChildren().add(style(thumbShape, thumb, requested));
        return hand;
    }

    /** 0 for the little finger … 3 for the index finger. */
    private static int lengthIndexFromLittle(FingerPosition finger) {
        return switch (finger) {
            case RIGHT_LITTLE, LEFT_LITTLE -> 0;
            case RIGHT_RING, LEFT_RING -> 1;
            case RIGHT_MIDDLE, LEFT_MIDDLE -> 2;
            default -> 3;
        };
    }

    private static Rectangle style(Rectangle shape, FingerPosition finger, FingerPosition requested) {
        shape.setArcWidth(FINGER_WIDTH);
        shape.setArcHeight(FINGER_WIDTH);
        shape.setId("hand-" + finger.fileName());
        shape.getStyleClass().add("hand-finger");
        if (finger == requested) {
            shape.getStyleClass().add("hand-finger-requested");
        }
        return shape;
    }
}
