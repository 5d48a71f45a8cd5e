package kz.sailau.kiosk.checkin;

/**
 * Port: the kiosk's devices, as the engine drives them. {@link #run} starts a device effect and returns at once
 * (it is called while the engine holds its lock); the device's outcome comes back later as an event
 * ({@link CheckInEvent.FingerCaptured}, {@link CheckInEvent.ScannerFailed}, {@link CheckInEvent.ReceiptPrinted},
 * {@link CheckInEvent.PrintFailed}, ...) submitted to the engine from the device's own thread.
 */
@FunctionalInterface
public interface DeviceEffects {

    /** No devices: device effects are dropped (an engine checked without hardware, e.g. {@code start --ready-check}). */
    DeviceEffects NONE = effect -> { };

    /**
     * Starts a device effect without waiting for it.
     *
     * @param effect what the machine asks of a device
     */
    void run(Effect.DeviceEffect effect);
}
