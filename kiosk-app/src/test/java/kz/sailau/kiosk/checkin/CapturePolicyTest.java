package kz.sailau.kiosk.checkin;

import static kz.sailau.kiosk.checkin.Fixtures.POLICY;
import static kz.sailau.kiosk.checkin.Fixtures.T0;
import static kz.sailau.kiosk.model.FingerPosition.LEFT_INDEX;
import static kz.sailau.kiosk.model.FingerPosition.LEFT_MIDDLE;
import static kz.sailau.kiosk.model.FingerPosition.RIGHT_INDEX;
import static kz.sailau.kiosk.model.FingerPosition.RIGHT_THUMB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInState.AwaitingFinger;
import kz.sailau.kiosk.model.FingerPosition;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CapturePolicyTest {

    private static List<FingerPosition> firstCaptures(Set<FingerPosition> enrolled, int n) {
        return IntStream.range(0, n).mapToObj(k -> CapturePolicy.fingerFor(enrolled, k)).toList();
    }

    @Test
    void asksForTheOtherFingerAfterEveryFailedCapture() {
        assertEquals(List.of(RIGHT_INDEX, LEFT_INDEX, RIGHT_INDEX, LEFT_INDEX),
                firstCaptures(EnumSet.of(RIGHT_INDEX, LEFT_INDEX), 4), "the usual register: right, left, right");
        assertEquals(List.of(RIGHT_INDEX, LEFT_INDEX, LEFT_MIDDLE, RIGHT_THUMB, RIGHT_INDEX),
                firstCaptures(EnumSet.of(RIGHT_THUMB, RIGHT_INDEX, LEFT_INDEX, LEFT_MIDDLE), 5),
                "more fingers: index, middle, thumb, right before left");
        assertEquals(List.of(LEFT_INDEX, LEFT_INDEX), firstCaptures(EnumSet.of(LEFT_INDEX), 2),
                "one finger: always that one");
        assertEquals(List.of(RIGHT_INDEX, LEFT_INDEX, RIGHT_INDEX), firstCaptures(Set.of(), 3),
                "card-less: both index fingers");
        assertThrows(IllegalArgumentException.class, () -> CapturePolicy.fingerFor(Set.of(), -1));
    }

    @Property
    void neverTheSameFingerTwiceInARowWhenThereIsAnother(
            @ForAll @Size(min = 2, max = 10) Set<FingerPosition> enrolled, @ForAll @IntRange(min = 0, max = 40) int k) {
        FingerPosition now = CapturePolicy.fingerFor(enrolled, k);
        assertTrue(enrolled.contains(now));
        assertNotEquals(now, CapturePolicy.fingerFor(enrolled, k + 1));
    }

    @Test
    void theWaitingStateAsksForTheFingerOfItsCapture() {
        CheckInMachine machine = new CheckInMachine(POLICY);
        RegisteredVoter voter = Fixtures.voter(3);
        Session session = new Session(Route.CARD, voter, Optional.empty(), Optional.empty());
        AwaitingFinger first = new AwaitingFinger(Optional.of(session), 0, Optional.empty(), T0);
        assertEquals(RIGHT_INDEX, first.requestedFinger());
        CheckInState matching = machine.next(first, new CheckInEvent.FingerCaptured(Fixtures.goodImage(3)), T0,
                Counters.ZERO).state();
        AwaitingFinger afterPoorImage = assertInstanceOf(AwaitingFinger.class, machine.next(matching,
                new CheckInEvent.CaptureRejected(ImageQuality.LOW_CONTRAST), T0, Counters.ZERO).state());
        assertEquals(LEFT_INDEX, afterPoorImage.requestedFinger(), "a poor capture: the other finger");
        CheckInState matchingAgain = machine.next(afterPoorImage,
                new CheckInEvent.FingerCaptured(Fixtures.goodImage(3)), T0, Counters.ZERO).state();
        AwaitingFinger afterMiss = assertInstanceOf(AwaitingFinger.class, machine.next(matchingAgain,
                new CheckInEvent.CaptureScored(12.0, 0), T0, Counters.ZERO).state());
        assertEquals(RIGHT_INDEX, afterMiss.requestedFinger(), "a miss: the other finger again");
        RegisteredVoter threeFingers = new RegisteredVoter(voter.voter(), Map.of(RIGHT_INDEX,
                voter.fingers().get(RIGHT_INDEX), LEFT_INDEX, voter.fingers().get(LEFT_INDEX), LEFT_MIDDLE,
                voter.fingers().get(LEFT_INDEX)));
        assertEquals(LEFT_MIDDLE, new AwaitingFinger(Optional.of(new Session(Route.CARD, threeFingers,
                Optional.empty(), Optional.empty())), 2, Optional.empty(), T0).requestedFinger());
        assertEquals(LEFT_INDEX, new AwaitingFinger(Optional.empty(), 1, Optional.empty(), T0).requestedFinger());
    }
}
