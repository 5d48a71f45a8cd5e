package kz.sailau.kiosk.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The demo windows fit the screen they open on: beside each other when there is room, the panel over it otherwise. */
class DemoWindowsTest {

    @Test
    void onAWideScreenThePanelGoesBesideTheKioskWindow() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1920, 1040);
        DemoWindows.Layout layout = DemoWindows.layout(screen);
        assertFalse(layout.over());
        assertEquals(new Rectangle2D(0, 0, 1440, 1040), layout.kiosk());
        assertEquals(new Rectangle2D(1440, 0, 480, 1040), layout.panel());
    }

    @Test
    void onTheKiosksOwnScreensThePanelLiesOverTheKioskWindowInsideTheScreen() {
        for (Rectangle2D screen : new Rectangle2D[] {new Rectangle2D(0, 0, 1280, 800),
                new Rectangle2D(0, 24, 1024, 744), new Rectangle2D(1920, 0, 1366, 768)}) {
            DemoWindows.Layout layout = DemoWindows.layout(screen);
            assertTrue(layout.over(), screen::toString);
            assertEquals(screen, layout.kiosk(), "the kiosk window takes the screen");
            assertTrue(screen.contains(layout.panel()), () -> layout.panel() + " inside " + screen);
        }
    }
}
