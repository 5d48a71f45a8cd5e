package kz.sailau.kiosk.ui;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AudioOutput} on the kiosk's default sound device (the headphone jack), through the JDK's
 * {@code javax.sound.sampled}: no extra library, PCM WAV clips. Plays on its own thread, never the FX thread; a new
 * request interrupts the clips still playing. A kiosk without a sound device plays nothing and logs that once.
 */
public final class HeadphoneOutput implements AudioOutput, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadphoneOutput.class);

    private final ExecutorService player = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kiosk-audio");
        thread.setDaemon(true);
        return thread;
    });
    private Future<?> playing;
    private volatile boolean warned;

    @Override
    public synchronized void play(List<String> clips) {
        Objects.requireNonNull(clips, "clips");
        if (playing != null) {
            playing.cancel(true);
        }
        List<String> copy = List.copyOf(clips);
        playing = player.submit(() -> copy.forEach(this::playOne));
    }

    private void playOne(String resource) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try (InputStream in = HeadphoneOutput.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warn("audio clip missing: {}", resource);
                return;
            }
            try (AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(in));
                 Clip clip = AudioSystem.getClip()) {
                Object done = new Object();
                clip.addLineListener(event -> {
                    if (event.getType() == LineEvent.Type.STOP) {
                        synchronized (done) {
                            done.notifyAll();
                        }
                    }
                });
                clip.open(audio);
                synchronized (done) {
                    clip.start();
                    // Wait for the clip's end (its STOP event) or for a newer request, which interrupts.
                    done.wait(clip.getMicrosecondLength() / 1000 + 1000);
                }
                clip.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LineUnavailableException | IllegalArgumentException | UnsupportedAudioFileException | IOException e) {
            if (!warned) {
                warned = true;
                LOG.warn("no audio output for the voter guidance: {}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
