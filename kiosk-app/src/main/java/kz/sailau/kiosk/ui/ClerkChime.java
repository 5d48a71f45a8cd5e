package kz.sailau.kiosk.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sound of a clerk call: a short two-tone chime, heard across the polling station when a voter presses "call a
 * commission member" or the kiosk starts waiting for one. The tone is computed here (no audio file, no network) and
 * played through the JDK's {@code javax.sound.sampled} on its own thread, so the FX thread never waits. A kiosk
 * without a sound device stays silent (logged once); the banner on the screen is shown all the same.
 */
public interface ClerkChime {

    /** Sounds the chime once; returns at once. */
    void ring();

    /** The chime played on the kiosk's default sound device. */
    static ClerkChime tone() {
        return new Tone();
    }

    /** A chime that stays silent (a screen with no one to call, or a test that counts rings itself). */
    ClerkChime SILENT = () -> { };

    /** The default chime: 880 Hz then 660 Hz, 0.25 s each, 16-bit mono PCM at 22,050 Hz. */
    final class Tone implements ClerkChime {

        /** Samples per second of the generated tone. */
        public static final float SAMPLE_RATE = 22_050f;
        /** The two notes, in hertz: a falling major third, the usual "ding-dong" of a call bell. */
        static final double[] NOTES = {880, 660};
        /** Length of each note, in seconds. */
        static final double NOTE_SECONDS = 0.25;
        /** Peak amplitude, a fraction of full scale: loud enough across a room, no clipping. */
        static final double VOLUME = 0.6;

        private static final Logger LOG = LoggerFactory.getLogger(ClerkChime.class);
        private final AtomicBoolean warned = new AtomicBoolean();
        private final ExecutorService player = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kiosk-chime");
            thread.setDaemon(true);
            return thread;
        });

        Tone() {
        }

        /** The format of {@link #pcm()}. */
        public static AudioFormat format() {
            return new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        }

        /**
         * The chime as signed 16-bit little-endian mono samples: each note fades in and out over 10 ms so that the
         * speaker does not click.
         */
        public static byte[] pcm() {
            int perNote = (int) (SAMPLE_RATE * NOTE_SECONDS);
            int fade = (int) (SAMPLE_RATE * 0.010);
            byte[] out = new byte[2 * perNote * NOTES.length];
            int at = 0;
            for (double frequency : NOTES) {
                for (int i = 0; i < perNote; i++) {
                    double envelope = Math.min(1, Math.min(i, perNote - 1 - i) / (double) fade);
                    double value = VOLUME * envelope * Math.sin(2 * Math.PI * frequency * i / SAMPLE_RATE);
                    short sample = (short) Math.round(value * Short.MAX_VALUE);
                    out[at++] = (byte) sample;
                    out[at++] = (byte) (sample >> 8);
                }
            }
            return out;
        }

        @Override
        public void ring() {
            player.execute(this::play);
        }

        private void play() {
            byte[] samples = pcm();
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format())) {
                line.open(format());
                line.start();
                line.write(samples, 0, samples.length);
                line.drain();
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                if (warned.compareAndSet(false, true)) {
                    LOG.warn("no sound device for the clerk-call chime ({}); the banner is shown without sound",
                            e.getClass().getSimpleName());
                }
            }
        }
    }
}
