package kz.sailau.bench.biometric;

import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The kiosk's {@code FingerMatcher} against bare SourceAFIS on the same templates (issue 6: overhead at most
 * 5 %; 1:N over 3,000 voters × 2 fingers in under 1 s).
 *
 * <p>Templates are extracted from the committed demo set (40 voters × 2 fingers, enrolment images) and
 * repeated to fill a precinct of {@code voters} × 2 fingers: the cost of one comparison depends on the
 * templates' minutiae, which are those of real synthetic prints, not on how many distinct fingers there are.
 * The probe is a live (sensor-size) impression of one demo voter.
 *
 * <p>Both sides start from the stored form, serialized bytes, as the kiosk does: the 1:1 baseline decodes
 * the two enrolled templates and matches; the 1:N baseline decodes the gallery once and matches with a
 * parallel stream over both cores, the same strategy as {@code SourceAfisMatcher}'s gallery.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatcherOverheadBenchmark {

    @Param("3000")
    int voters;

    private final SourceAfisMatcher matcher = new SourceAfisMatcher();
    private FingerTemplate probe;
    private byte[] probeBytes;
    private List<FingerTemplate> claimed;
    private List<byte[]> claimedBytes;
    private FingerMatcher.Gallery<Integer> gallery;
    private List<List<FingerprintTemplate>> bareGallery;

    @Setup
    public void setUp() {
        List<FingerTemplate> enrolled = DemoTemplates.enrolled(matcher);
        probe = matcher.extract(DemoTemplates.image("prints/V0001/right_index_live_1.png"));
        probeBytes = probe.bytes();
        claimed = List.of(enrolled.get(0), enrolled.get(1));
        claimedBytes = List.of(claimed.get(0).bytes(), claimed.get(1).bytes());

        Map<Integer, List<FingerTemplate>> precinct = new LinkedHashMap<>();
        bareGallery = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            int base = (v % (enrolled.size() / 2)) * 2;
            List<FingerTemplate> fingers = List.of(enrolled.get(base), enrolled.get(base + 1));
            precinct.put(v, fingers);
            bareGallery.add(fingers.stream().map(t -> new FingerprintTemplate(t.bytes())).toList());
        }
        gallery = matcher.gallery(precinct);
    }

    /** 1:1, ours: the live template against the claimed voter's two enrolled fingers. */
    @Benchmark
    public double verifyOneToOneKiosk() {
        return matcher.prepare(probe).bestScore(claimed);
    }

    /** 1:1, bare SourceAFIS from the same bytes. */
    @Benchmark
    public double verifyOneToOneBare() {
        com.machinezoo.sourceafis.FingerprintMatcher bare = new com.machinezoo.sourceafis.FingerprintMatcher(new FingerprintTemplate(probeBytes));
        double best = 0;
        for (byte[] candidate : claimedBytes) {
            best = Math.max(best, bare.match(new FingerprintTemplate(candidate)));
        }
        return best;
    }

    /** 1:N, ours: the whole precinct, both cores. */
    @Benchmark
    public int identifyOneToManyKiosk() {
        return gallery.search(probe, 40).size();
    }

    /** 1:N, bare SourceAFIS: the same decoded gallery, the same parallel strategy. */
    @Benchmark
    public int identifyOneToManyBare() {
        com.machinezoo.sourceafis.FingerprintMatcher bare = new com.machinezoo.sourceafis.FingerprintMatcher(new FingerprintTemplate(probeBytes));
        return (int) bareGallery.parallelStream()
                .map(fingers -> {
                    double best = 0;
                    for (FingerprintTemplate candidate : fingers) {
                        best = Math.max(best, bare.match(candidate));
                    }
                    return best;
                })
                .filter(score -> score >= 40)
                .sorted(Comparator.reverseOrder())
                .count();
    }

}
