package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import org.junit.jupiter.api.Test;

/** The start's warm-up on the real matcher and cipher: it runs its rounds, and a stop ends it. */
class StartWarmUpTest {

    @Test
    void decodesAndDecryptsItsRoundsOnSyntheticData() throws InterruptedException {
        StartWarmUp warmUp = StartWarmUp.start(new SourceAfisMatcher());
        warmUp.await();
        assertEquals(StartWarmUp.TEMPLATE_ROUNDS, warmUp.templatesDone());
        assertEquals(StartWarmUp.FIELD_ROUNDS, warmUp.fieldsDone());
    }

    @Test
    void aStoppedWarmUpDoesNothingMore() throws InterruptedException {
        StartWarmUp warmUp = new StartWarmUp(new SourceAfisMatcher());
        warmUp.stop();
        warmUp.begin();
        warmUp.await();
        assertEquals(0, warmUp.templatesDone());
        assertEquals(0, warmUp.fieldsDone());
    }
}
