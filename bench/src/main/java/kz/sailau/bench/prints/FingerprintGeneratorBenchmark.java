package kz.sailau.bench.prints;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import kz.sailau.prints.Difficulty;
import kz.sailau.prints.FingerprintGenerator;
import kz.sailau.prints.ImpressionSize;
import kz.sailau.prints.MasterFinger;
import kz.sailau.prints.PngEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Single-threaded cost of the synthetic fingerprint generator's steps. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FingerprintGeneratorBenchmark {

    private final FingerprintGenerator generator = new FingerprintGenerator(1, Difficulty.NORMAL);
    private MasterFinger finger;
    private BufferedImage live;
    private int index;

    /** Grows one finger and renders one impression to reuse. */
    @Setup
    public void setUp() {
        finger = generator.master(0);
        live = generator.impression(finger, 1, ImpressionSize.SENSOR);
    }

    /** One master finger (orientation field, period map, ridge growth). */
    @Benchmark
    public MasterFinger master() {
        return generator.master(index++);
    }

    /** One sensor-sized impression of an existing finger. */
    @Benchmark
    public BufferedImage sensorImpression() {
        return generator.impression(finger, index++, ImpressionSize.SENSOR);
    }

    /** One full-size impression of an existing finger. */
    @Benchmark
    public BufferedImage fullImpression() {
        return generator.impression(finger, index++, ImpressionSize.FULL);
    }

    /** PNG encoding of a sensor-sized image with the portable encoder. */
    @Benchmark
    public byte[] encodePng() {
        return PngEncoder.encode(live);
    }
}
