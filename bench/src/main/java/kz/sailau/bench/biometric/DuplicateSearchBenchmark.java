package kz.sailau.bench.biometric;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.biometric.FingerTemplate;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The comparison rate of {@code register build}'s duplicate search (issue 18: comparisons per second against bare
 * SourceAFIS on the same machine). Every pair of {@code voters} records is compared once (i &lt; j), each record
 * with its two index fingers' representative templates, every finger against every finger: C(voters, 2) × 4
 * comparisons per operation (44,700 for 150 voters). The kiosk's side is the gallery's {@code pairsAtLeast} that
 * {@code FingerprintDuplicates} uses; bare SourceAFIS runs the same triangle over the same decoded templates, on both
 * cores with the same interleaving of rows, and on one core. Divide the comparisons by the time per operation for
 * the rate.
 *
 * <p>Templates are the demo set's 80 enrolment templates repeated to fill the records (as in {@code
 * MatcherOverheadBenchmark}): the cost of one comparison depends on the two templates' minutiae, not on how many
 * distinct fingers there are; one comparison in 80 is of a template with its own copy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
public class DuplicateSearchBenchmark {

    /** The score from which the duplicate search keeps a pair (its closeness floor). */
    static final double COLLECT = 20.0;

    @Param("150")
    int voters;

    private FingerMatcher.Gallery<Integer> gallery;
    private List<List<FingerprintTemplate>> bare;

    @Setup
    public void setUp() {
        SourceAfisMatcher matcher = new SourceAfisMatcher();
        List<FingerTemplate> enrolled = DemoTemplates.enrolled(matcher);
        int distinct = enrolled.size() / 2;
        Map<Integer, List<FingerTemplate>> records = new LinkedHashMap<>();
        bare = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            int base = (v % distinct) * 2;
            List<FingerTemplate> fingers = List.of(enrolled.get(base), enrolled.get(base + 1));
            records.put(v, fingers);
            bare.add(fingers.stream().map(t -> new FingerprintTemplate(t.bytes())).toList());
        }
        gallery = matcher.gallery(records);
    }

    /** The kiosk's pairwise search, both cores. */
    @Benchmark
    public int pairsKiosk() {
        return gallery.pairsAtLeast(COLLECT, key -> Integer.MAX_VALUE).size();
    }

    /** Bare SourceAFIS, the same triangle on both cores. */
    @Benchmark
    public long pairsBare() {
        int n = bare.size();
        return IntStream.range(0, n).parallel().map(k -> k % 2 == 0 ? k / 2 : n - 1 - k / 2)
                .mapToLong(this::bareRow).sum();
    }

    /** Bare SourceAFIS on one core: the rate per core. */
    @Benchmark
    public long pairsBareOneCore() {
        long found = 0;
        for (int i = 0; i < bare.size(); i++) {
            found += bareRow(i);
        }
        return found;
    }

    private long bareRow(int i) {
        long found = 0;
        for (FingerprintTemplate probe : bare.get(i)) {
            FingerprintMatcher matcher = new FingerprintMatcher(probe);
            for (int j = i + 1; j < bare.size(); j++) {
                for (FingerprintTemplate candidate : bare.get(j)) {
                    if (matcher.match(candidate) >= COLLECT) {
                        found++;
                    }
                }
            }
        }
        return found;
    }
}
