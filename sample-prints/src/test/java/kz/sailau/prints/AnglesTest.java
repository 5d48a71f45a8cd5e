package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class AnglesTest {

    @Property
    void atan2AgreesWithStrictMath(@ForAll @DoubleRange(min = -1e3, max = 1e3) double y,
                                   @ForAll @DoubleRange(min = -1e3, max = 1e3) double x) {
        assertEquals(StrictMath.atan2(y, x), Angles.atan2(y, x), 1e-5);
    }
}
