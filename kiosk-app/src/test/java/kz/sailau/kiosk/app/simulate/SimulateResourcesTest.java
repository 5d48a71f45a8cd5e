package kz.sailau.kiosk.app.simulate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The soak run's resource measurement and its "stayed flat" rule. */
class SimulateResourcesTest {

    private static final long MIB = 1024 * 1024;
    private final SimulateResources before = new SimulateResources(40 * MIB, 12, 20);

    @Test
    void smallChangesWithinTheTolerancesAreFlat() {
        assertTrue(before.flat(new SimulateResources(41 * MIB, 13, 22)));
        assertTrue(before.flat(new SimulateResources(30 * MIB, 10, 18)));
    }

    @Test
    void aLeakedThreadDescriptorOrHeapGrowthIsNotFlat() {
        assertFalse(before.flat(new SimulateResources(40 * MIB, 15, 20)), "threads");
        assertFalse(before.flat(new SimulateResources(40 * MIB, 12, 25)), "descriptors");
        assertFalse(before.flat(new SimulateResources(61 * MIB, 12, 20)), "heap");
    }

    @Test
    void measuresThisJvm() throws InterruptedException {
        SimulateResources now = SimulateResources.measure();
        assertTrue(now.heapBytes() > 0 && now.threads() > 0 && now.fileDescriptors() > 0, now.describe());
    }
}
