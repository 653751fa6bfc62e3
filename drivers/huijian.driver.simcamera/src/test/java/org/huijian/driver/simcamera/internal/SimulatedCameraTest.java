package org.huijian.driver.simcamera.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.huijian.documents.Capture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated document camera: stills in turn, demo pages for an empty folder, an unplugged camera. */
class SimulatedCameraTest {

    static SimCameraConfig config(String folder, int demoPages, boolean available) {
        return new SimCameraConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SimCameraConfig.class;
            }

            @Override
            public String id() {
                return "test-doc";
            }

            @Override
            public String terminal() {
                return "GZ-TH-P01-L";
            }

            @Override
            public String folder() {
                return folder;
            }

            @Override
            public int demoPages() {
                return demoPages;
            }

            @Override
            public int delayMillis() {
                return 10;
            }

            @Override
            public boolean available() {
                return available;
            }
        };
    }

    @Test
    void stillsComeInTurnByFileName(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("b.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 2 });
        Files.write(dir.resolve("a.jpg"), new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, 1 });
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        SimulatedCamera camera = new SimulatedCamera(config(dir.toString(), 3, true));
        assertEquals(2, camera.images().size(), "no demo pages where images are; the text file is not one");
        Capture first = camera.capture(Duration.ofSeconds(2));
        assertEquals("image/jpeg", first.mediaType());
        assertEquals("test-doc", first.camera());
        Capture second = camera.capture(Duration.ofSeconds(2));
        assertEquals("image/png", second.mediaType());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.jpg")), camera.capture(Duration.ofSeconds(2)).image(),
                "round and round");
        assertEquals("GZ-TH-P01-L", camera.terminal());
    }

    @Test
    void anEmptyFolderGetsDemoPagesOfAPageOnADarkDesk(@TempDir Path dir) throws IOException {
        SimulatedCamera camera = new SimulatedCamera(config(dir.toString(), 2, true));
        List<Path> images = camera.images();
        assertEquals(List.of(dir.resolve("demo-01.jpg"), dir.resolve("demo-02.jpg")), images);
        BufferedImage still = ImageIO.read(new ByteArrayInputStream(camera.capture(Duration.ofSeconds(2)).image()));
        assertEquals(DemoPages.WIDTH, still.getWidth());
        assertEquals(DemoPages.HEIGHT, still.getHeight());
        assertTrue(grey(still, 10, 10) < 90, "the corner is the dark desk");
        assertTrue(grey(still, DemoPages.WIDTH / 2, DemoPages.HEIGHT - 400) > 200, "the middle is white paper");
    }

    @Test
    void anUnpluggedCameraSaysSo(@TempDir Path dir) throws IOException {
        SimulatedCamera camera = new SimulatedCamera(config(dir.toString(), 1, false));
        assertFalse(camera.available());
        IOException e = assertThrows(IOException.class, () -> camera.capture(Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("unplugged"), e.getMessage());
    }

    static int grey(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y);
        return ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
    }
}
