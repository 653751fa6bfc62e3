package org.huijian.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import org.huijian.core.InvalidInputException;
import org.huijian.documents.PoolStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input is refused at once, on the caller's thread, by what the bytes are; nothing is queued. */
class IntakeTest {
    static DocumentService service;

    @BeforeAll
    static void start() {
        service = TestConfig.service(Map.of("threads", 1, "maxBytes", 2_000_000, "maxMegapixels", 50));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    InvalidInputException refused(byte[] image, String mediaType) {
        PoolStatus before = service.status();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> service.process(image, mediaType));
        PoolStatus after = service.status();
        assertEquals(before.processed(), after.processed(), "nothing was processed");
        assertEquals(0, after.queued(), "nothing was queued");
        return e;
    }

    @Test
    void notAnImageIsRefusedByItsBytesWhateverItIsCalled() {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        InvalidInputException e = refused(pdf, "image/png");
        assertEquals("image", e.violations().get(0).field());
        assertTrue(e.getMessage().contains("not a PNG or JPEG image") && e.getMessage().contains("25504446"), e.getMessage());
        refused("委托书.png".getBytes(StandardCharsets.UTF_8), null);
        refused(new byte[0], "image/jpeg");
        refused(null, null);
    }

    @Test
    void aTypeThatDisagreesWithTheBytesIsRefused() {
        byte[] png = TestPages.png(TestPages.page(0, 1).image());
        InvalidInputException e = refused(png, "image/jpeg");
        assertEquals("mediaType", e.violations().get(0).field());
        assertTrue(e.getMessage().contains("bytes are image/png"), e.getMessage());
        // The same bytes said to be PNG, or said to be nothing, are taken.
        assertEquals("image/png", new ImageIntake(2_000_000, 50).check(png, "image/png; charset=binary").mediaType());
        assertEquals("image/png", new ImageIntake(2_000_000, 50).check(png, null).mediaType());
    }

    @Test
    void a200MegapixelImageIsRefusedFromItsHeaderBeforeAnyPixelIsDecoded() {
        // A PNG header of 20000 x 10000 pixels with no pixel data behind it: decoding would fail on the data,
        // and decoding 200 megapixels would need 600 MB; the header alone must refuse it.
        byte[] huge = pngHeaderOnly(20_000, 10_000);
        long t0 = System.nanoTime();
        InvalidInputException e = refused(huge, "image/png");
        assertTrue(e.getMessage().contains("20000 x 10000 pixels (200.0 megapixels), more than the 50 megapixels"),
                e.getMessage());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "refused at once");
        // The same from a JPEG header (start of frame 65000 x 3100).
        InvalidInputException j = refused(jpegHeaderOnly(65_000, 3_100), "image/jpeg");
        assertTrue(j.getMessage().contains("201.5 megapixels"), j.getMessage());
    }

    @Test
    void tooManyBytesAreRefusedBeforeAnythingElse() {
        byte[] big = new byte[2_000_001];
        big[0] = (byte) 0xff;
        big[1] = (byte) 0xd8;
        big[2] = (byte) 0xff;
        InvalidInputException e = refused(big, null);
        assertTrue(e.getMessage().contains("2,000,001 bytes, more than the 2,000,000 allowed"), e.getMessage());
    }

    @Test
    void aBrokenImageIsRefused() {
        byte[] png = TestPages.png(TestPages.page(0, 1).image());
        byte[] broken = java.util.Arrays.copyOf(png, 20); // signature and part of the header
        InvalidInputException e = refused(broken, null);
        assertTrue(e.getMessage().contains("broken image/png"), e.getMessage());
        InvalidInputException tiny = refused(TestPages.png(new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY)), null);
        assertTrue(tiny.getMessage().contains("too small for a page"), tiny.getMessage());
    }

    @Test
    void aLargeButAllowedCaptureIsDecodedAtAReducedSize() {
        ImageIntake.Checked c = new ImageIntake(100_000_000, 50).check(pngHeaderOnly(8000, 6000), null);
        assertEquals(2, ImageIntake.subsampling(c, 16_000_000L), "48 MP read as every 2nd pixel: 12 MP");
        assertEquals(1, ImageIntake.subsampling(c, 48_000_000L));
    }

    static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a });
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A real small JPEG with the size in its start-of-frame changed, cut off after the scan header. */
    static byte[] jpegHeaderOnly(int width, int height) {
        byte[] jpeg = TestPages.jpeg(new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_3BYTE_BGR));
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                jpeg[i + 5] = (byte) (height >> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >> 8);
                jpeg[i + 8] = (byte) width;
            }
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xda) {
                return java.util.Arrays.copyOf(jpeg, i + 20);
            }
        }
        throw new IllegalStateException("no start of scan");
    }
}
