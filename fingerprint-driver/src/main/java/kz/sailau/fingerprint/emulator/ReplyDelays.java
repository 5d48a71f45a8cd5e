package kz.sailau.fingerprint.emulator;

import java.time.Duration;
import java.util.Objects;
import kz.sailau.fingerprint.SensorProfile;

/**
 * How long the emulated module works on an instruction before its answer starts. Real modules take up to their
 * manual's figure ({@link SensorProfile#processingMax}); tests choose between answering at once and answering at
 * that maximum, the slow path a driver must survive.
 */
@FunctionalInterface
public interface ReplyDelays {

    /** Answer at once (the default: tests and the demo run fast). */
    ReplyDelays NONE = (instruction, profile) -> Duration.ZERO;

    /** Answer every instruction at the latest the profile's manual allows. */
    ReplyDelays DATASHEET_MAXIMUM = (instruction, profile) -> profile.processingMax(instruction);

    /**
     * Returns the delay before the answer to an instruction.
     *
     * @param instruction the instruction code
     * @param profile     the emulated model
     * @return the delay, never negative
     */
    Duration delay(int instruction, SensorProfile profile);

    /**
     * Delays one instruction by a fixed time and answers the others at once.
     *
     * @param instruction the instruction code, e.g. 0x01 for GenImg
     * @param delay       the delay
     * @return the delays
     */
    static ReplyDelays only(int instruction, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        return (code, profile) -> code == instruction ? delay : Duration.ZERO;
    }
}
