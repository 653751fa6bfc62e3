package org.huijian.documents.spi;

import java.io.IOException;
import java.time.Duration;
import org.huijian.documents.Capture;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A document camera (高拍仪) attached to a terminal, as its vendor's driver presents it. Register one service per
 * camera; Huijian asks it for a still when the lawyer shows a paper and sends the still through
 * {@link org.huijian.documents.DocumentProcessor}.
 *
 * <p>What the driver need not do: straighten, crop or enhance the image (Huijian does), or read text. What it must
 * do: deliver the camera's full-resolution still, encoded as PNG or JPEG, of the whole field of view (the page on
 * the camera's darker base, edges included: Huijian finds the page by its edges). Turn off the camera's own
 * cropping and "auto-deskew" if it has them, or leave a margin around the page.
 *
 * <p>Methods may be called from any thread, and more than once at the same time for different cameras.
 */
@ConsumerType
public interface DocumentCamera {
    /** Stable id of this camera, unique on the server, e.g. {@code GZ-TH-P01-doc}; put in {@link Capture#camera()}. */
    String id();

    /** The code of the terminal (会见分机) the camera is attached to. */
    String terminal();

    /**
     * Takes a still now and returns it.
     *
     * @param timeout how long the caller will wait; give up (and throw) after it
     * @throws IOException the camera is not there or did not answer in time; the message says which, for the log
     */
    Capture capture(Duration timeout) throws IOException;

    /** Whether the camera answers now; shown to the site administrator. Called at most every few seconds. */
    default boolean available() {
        return true;
    }
}
