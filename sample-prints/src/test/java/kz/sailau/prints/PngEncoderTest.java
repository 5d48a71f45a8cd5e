package kz.sailau.prints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    @Property(tries = 60)
    void decodesToTheSamePixels(@ForAll @IntRange(min = 1, max = 90) int width,
                                @ForAll @IntRange(min = 1, max = 90) int height,
                                @ForAll long seed, @ForAll @IntRange(min = 1, max = 256) int levels) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = pixels(image);
        SeededRandom random = new SeededRandom(seed);
        for (int i = 0; i < pixels.length; i++) {
            // Mixes runs and noise so that both literals and long matches are exercised.
            pixels[i] = random.chance(0.3) && i > 0 ? pixels[i - 1] : (byte) (random.nextInt(levels) * (255 / Math.max(1, levels - 1)));
        }
        assertArrayEquals(pixels, pixels(decode(PngEncoder.encode(image))));
    }

    @Test
    void encodesAConstantImageAndAGeneratedPrint() throws IOException {
        BufferedImage blank = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        assertArrayEquals(pixels(blank), pixels(decode(PngEncoder.encode(blank))));
        FingerprintGenerator generator = new FingerprintGenerator(3, Difficulty.NORMAL);
        BufferedImage print = generator.impression(generator.master(0), 0, ImpressionSize.SENSOR);
        BufferedImage back = decode(PngEncoder.encode(print));
        assertEquals(256, back.getWidth());
        assertEquals(288, back.getHeight());
        assertArrayEquals(pixels(print), pixels(back));
    }

    @Test
    void refusesColourImages() {
        assertThrows(IllegalArgumentException.class,
                () -> PngEncoder.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        return image;
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
