package kz.sailau.kiosk.app;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.crypto.FieldCipher;

/**
 * What the kiosk does on its idle core while it waits at start (the store opening, the single-lane Argon2id unlock,
 * the administrator typing the passphrase): it runs the matcher's template decoding and comparison and the store's
 * field decryption on synthetic data, so that the JVM has loaded and compiled that code before the register's
 * templates are decrypted and decoded for the 1:N gallery (decision 0230). Nothing real is touched: the templates
 * are random points ({@link FingerMatcher#warmUp}), the AES key is random and dropped.
 *
 * <p>It runs on one daemon thread and stops early when {@link #stop()} is called (the gallery preparation starts and
 * needs both cores).
 */
final class StartWarmUp implements AutoCloseable {

    /**
     * Synthetic templates decoded and compared: enough for the JIT to compile the decoder and the comparison with
     * its optimizing compiler (a few thousand loop passes each), measured with the cold start benchmark (decision
     * 0230).
     */
    static final int TEMPLATE_ROUNDS = 1500;
    /** Field encryptions and decryptions of template size: the AES-GCM path of {@code RegisterStore}. */
    static final int FIELD_ROUNDS = 1500;
    /** About the size of one stored SourceAFIS template. */
    static final int FIELD_BYTES = 1200;
    private static final int BATCH = 50;

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger templates = new AtomicInteger();
    private final AtomicInteger fields = new AtomicInteger();
    private final Thread thread;

    /** A warm-up not yet running ({@link #begin()}). */
    StartWarmUp(FingerMatcher matcher) {
        Objects.requireNonNull(matcher, "matcher");
        thread = new Thread(() -> run(matcher), "start-warm-up");
        thread.setDaemon(true);
    }

    /** Starts the warm-up on its own daemon thread. */
    static StartWarmUp start(FingerMatcher matcher) {
        StartWarmUp warmUp = new StartWarmUp(matcher);
        warmUp.begin();
        return warmUp;
    }

    /** Starts the thread. */
    void begin() {
        thread.start();
    }

    private void run(FingerMatcher matcher) {
        for (int done = 0; done < TEMPLATE_ROUNDS && !stopped.get(); done += BATCH) {
            matcher.warmUp(BATCH);
            templates.addAndGet(BATCH);
        }
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        FieldCipher cipher = new FieldCipher(key, random);
        byte[] value = new byte[FIELD_BYTES];
        byte[] context = "warm-up".getBytes(StandardCharsets.US_ASCII);
        for (int done = 0; done < FIELD_ROUNDS && !stopped.get(); done++) {
            if (cipher.decrypt(cipher.encrypt(value, context), context).length == FIELD_BYTES) {
                fields.incrementAndGet();
            }
        }
    }

    /** Asks the warm-up to stop after its current batch. */
    void stop() {
        stopped.set(true);
    }

    /** Synthetic templates decoded so far. */
    int templatesDone() {
        return templates.get();
    }

    /** Fields encrypted and decrypted back so far. */
    int fieldsDone() {
        return fields.get();
    }

    /** Waits for the warm-up to end; for tests. */
    void await() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        stop();
    }
}
