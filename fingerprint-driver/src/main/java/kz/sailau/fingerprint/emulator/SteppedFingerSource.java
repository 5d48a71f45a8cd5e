package kz.sailau.fingerprint.emulator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A cyclic list of steps: an image file or "no finger". */
final class SteppedFingerSource implements FingerSource {

    private final List<Optional<Path>> steps;
    private int next;

    SteppedFingerSource(List<Optional<Path>> steps) {
        this.steps = List.copyOf(steps);
    }

    @Override
    public synchronized Optional<BufferedImage> poll() throws IOException {
        Optional<Path> step = steps.get(next);
        next = (next + 1) % steps.size();
        return step.isPresent() ? Optional.of(SensorImageFitter.read(step.get())) : Optional.empty();
    }
}
