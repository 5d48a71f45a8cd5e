package kz.sailau.kiosk.app.simulate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the soak run watches: heap in use after a full collection, live threads and open file descriptors
 * ({@code /proc/self/fd}, Linux).
 *
 * @param heapBytes       heap in use after {@link System#gc()}
 * @param threads         live threads of the JVM
 * @param fileDescriptors open file descriptors, -1 where {@code /proc/self/fd} does not exist
 */
record SimulateResources(long heapBytes, int threads, long fileDescriptors) {

    /** Tolerances of "stayed flat": threads, descriptors, and heap growth (absolute and relative). */
    static final int THREAD_TOLERANCE = 2;
    static final int FD_TOLERANCE = 4;
    static final long HEAP_TOLERANCE_BYTES = 16L * 1024 * 1024;

    /** Measures now, after asking for two full collections. */
    static SimulateResources measure() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long fds = -1;
        Path fd = Path.of("/proc/self/fd");
        if (Files.isDirectory(fd)) {
            try (Stream<Path> entries = Files.list(fd)) {
                fds = entries.count() - 1; // the listing's own descriptor
            } catch (IOException e) {
                fds = -1;
            }
        }
        return new SimulateResources(heap, threads, fds);
    }

    /** Whether {@code after} stayed within the tolerances of this measurement. */
    boolean flat(SimulateResources after) {
        return after.threads <= threads + THREAD_TOLERANCE
                && after.fileDescriptors <= fileDescriptors + FD_TOLERANCE
                && after.heapBytes <= heapBytes + Math.max(HEAP_TOLERANCE_BYTES, heapBytes / 2);
    }

    /** One line: heap in MiB, threads and descriptors. */
    String describe() {
        return String.format("heap after GC %.1f MiB, threads %d, open fds %d", heapBytes / 1048576.0, threads,
                fileDescriptors);
    }
}
