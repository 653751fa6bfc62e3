package org.huijian.documents;

import java.time.Instant;
import java.util.Objects;

/**
 * One still from a document camera (高拍仪), as the camera encoded it.
 *
 * @param camera    the camera's id ({@link org.huijian.documents.spi.DocumentCamera#id()})
 * @param taken     when it was taken
 * @param image     the encoded image (PNG or JPEG)
 * @param mediaType {@code image/png} or {@code image/jpeg}
 */
public record Capture(String camera, Instant taken, byte[] image, String mediaType) {
    public Capture {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(taken, "taken");
        Objects.requireNonNull(image, "image");
    }
}
