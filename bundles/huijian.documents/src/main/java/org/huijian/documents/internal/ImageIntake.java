package org.huijian.documents.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.huijian.core.InvalidInputException;
import org.huijian.documents.DocumentProcessor;
import org.huijian.documents.ImageRefusedException;

/**
 * Checks an encoded image before anything is queued: its kind from its first bytes, its size in bytes, and its
 * size in pixels from the header (no pixel is decoded for that). Then decodes it when a worker takes it.
 */
final class ImageIntake {
    /** What the header said. */
    record Checked(byte[] bytes, String mediaType, int width, int height) {
    }

    private final int maxBytes;
    private final long maxPixels;

    ImageIntake(int maxBytes, int maxMegapixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxMegapixels * 1_000_000L;
    }

    /** The media type the bytes are, or {@code null} when they are neither PNG nor JPEG. */
    static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d
                && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return DocumentProcessor.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return DocumentProcessor.JPEG;
        }
        return null;
    }

    static String normalise(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return null;
        }
        String t = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (t) {
        case "image/jpg", "image/pjpeg" -> DocumentProcessor.JPEG;
        case "application/octet-stream" -> null;
        default -> t;
        };
    }

    Checked check(byte[] image, String declared) {
        if (image == null || image.length == 0) {
            throw new ImageRefusedException(ImageRefusedException.UNREADABLE, "image", "no image: the capture is empty");
        }
        if (image.length > maxBytes) {
            throw new ImageRefusedException(ImageRefusedException.TOO_LARGE, "image", String.format(Locale.ROOT,
                    "the image is %,d bytes, more than the %,d allowed", image.length, maxBytes));
        }
        String type = sniff(image);
        if (type == null) {
            throw new ImageRefusedException(ImageRefusedException.UNSUPPORTED, "image", "not a PNG or JPEG image (its first bytes are "
                    + hex(image, 8) + ")");
        }
        String said = normalise(declared);
        if (said != null && !said.equals(type)) {
            throw new ImageRefusedException(ImageRefusedException.UNSUPPORTED, "mediaType", "said to be " + said + " but the bytes are " + type);
        }
        int w;
        int h;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            ImageReader reader = reader(in, type);
            try {
                reader.setInput(in, true, true);
                w = reader.getWidth(0);
                h = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageRefusedException(ImageRefusedException.UNREADABLE, "image", "a broken " + type + " image: its header cannot be read ("
                    + e.getMessage() + ")");
        }
        if (w <= 0 || h <= 0) {
            throw new ImageRefusedException(ImageRefusedException.UNREADABLE, "image", "the image has no pixels (" + w + " x " + h + ")");
        }
        if ((long) w * h > maxPixels) {
            throw new ImageRefusedException(ImageRefusedException.TOO_LARGE, "image", String.format(Locale.ROOT,
                    "the image is %d x %d pixels (%.1f megapixels), more than the %d megapixels allowed", w, h,
                    (double) w * h / 1e6, maxPixels / 1_000_000));
        }
        if (w < 32 || h < 32) {
            throw new ImageRefusedException(ImageRefusedException.UNREADABLE, "image", "the image is only " + w + " x " + h + " pixels: too small for a page");
        }
        return new Checked(image, type, w, h);
    }

    /** Every how many pixels in each direction an image is decoded, so that it has at most {@code maxPixels}. */
    static int subsampling(Checked c, long maxPixels) {
        int step = 1;
        while ((long) ceilDiv(c.width(), step) * ceilDiv(c.height(), step) > maxPixels) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Decodes the pixels of a checked image, every {@code step}-th pixel in each direction. */
    static BufferedImage decode(Checked c, int step) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(c.bytes()))) {
            ImageReader reader = reader(in, c.mediaType());
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("image", "a broken " + c.mediaType() + " image: its pixels cannot be read ("
                    + e.getMessage() + ")");
        }
    }

    private static ImageReader reader(ImageInputStream in, String type) throws IOException {
        if (in == null) {
            throw new IOException("no image input stream");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new IOException("no reader for " + type + " in this Java");
        }
        return readers.next();
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
