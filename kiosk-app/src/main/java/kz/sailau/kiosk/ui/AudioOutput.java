package kz.sailau.kiosk.ui;

import java.util.List;

/**
 * Port: where the audio guidance goes (the kiosk's headphone jack). Implementations play the clips in order and
 * return at once; a new call replaces what is still playing.
 */
public interface AudioOutput {

    /** Plays nothing. */
    AudioOutput SILENT = clips -> { };

    /**
     * Plays clips one after the other, replacing what plays now.
     *
     * @param clips class-path resource names of WAV clips, e.g. {@code /kz/sailau/kiosk/ui/audio/kk/finger.wav}
     */
    void play(List<String> clips);
}
