package kz.sailau.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;

/** The clerk-call chime is the tone it says: two notes, their frequencies, no clipping, no click at the ends. */
class ClerkChimeTest {

    @Test
    void theChimeIsTwoNotesOfAQuarterSecondAtTheirPitch() {
        AudioFormat format = ClerkChime.Tone.format();
        byte[] pcm = ClerkChime.Tone.pcm();
        int perNote = (int) (ClerkChime.Tone.SAMPLE_RATE * ClerkChime.Tone.NOTE_SECONDS);
        assertEquals(2 * perNote * format.getFrameSize(), pcm.length);
        short[] samples = new short[pcm.length / 2];
        int peak = 0;
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        assertTrue(peak < Short.MAX_VALUE && peak > Short.MAX_VALUE / 2, "loud, never clipped: " + peak);
        assertEquals(0, samples[0], "fades in");
        assertTrue(Math.abs(samples[perNote - 1]) < 200, "fades out before the second note");
        for (int note = 0; note < 2; note++) {
            int crossings = 0;
            for (int i = note * perNote + 1; i < (note + 1) * perNote; i++) {
                if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                    crossings++;
                }
            }
            double hertz = crossings / 2.0 / ClerkChime.Tone.NOTE_SECONDS;
            assertEquals(ClerkChime.Tone.NOTES[note], hertz, 8, "note " + note);
        }
    }
}
