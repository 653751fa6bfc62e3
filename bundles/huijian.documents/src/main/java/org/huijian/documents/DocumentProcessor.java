package org.huijian.documents;

import org.huijian.core.BusyException;
import org.huijian.core.InvalidInputException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns a capture of a page into a straight page and its text: finds the page against the darker background,
 * corrects perspective and rotation, crops to the page, then reads it with Tesseract.
 *
 * <p>Pages are processed by a bounded pool of workers behind a bounded queue. When the queue is full a page is
 * refused at once with {@link BusyException}; nothing is queued. Input that is not an image this service reads
 * (PNG or JPEG, recognised by its bytes, not by a name), is larger than the configured number of bytes, or has more
 * pixels than allowed (read from the image header, before any pixel is decoded) is refused at once with
 * {@link InvalidInputException} on field {@code image}.
 */
@ProviderType
public interface DocumentProcessor {
    /** Media types this service reads. */
    String PNG = "image/png";
    String JPEG = "image/jpeg";

    /**
     * Processes one page and waits for it.
     *
     * @param image     the encoded image: PNG or JPEG
     * @param mediaType what the caller says it is ({@code image/png}, {@code image/jpeg}), or {@code null} to let
     *                  the bytes tell; a type that disagrees with the bytes is refused
     * @return the straight page and its text; a page without text is a result with no lines
     *         ({@link ProcessedPage#hasText()} false), not an error
     * @throws InvalidInputException the image is refused (field {@code image} or {@code mediaType})
     * @throws BusyException         the queue is full; try again shortly
     * @throws ProcessingException   the page timed out, was cancelled, or Tesseract failed
     */
    ProcessedPage process(byte[] image, String mediaType);

    /**
     * Queues one page and returns at once. Input is checked (as for {@link #process}) before it is queued.
     *
     * @param listener told of every change of the job's state (see {@link ProgressListener}); may be {@code null}
     * @throws InvalidInputException the image is refused
     * @throws BusyException         the queue is full
     */
    Job submit(byte[] image, String mediaType, ProgressListener listener);

    /** Processes a capture from a document camera, waiting for it (see {@link #process}). */
    default ProcessedPage process(Capture capture) {
        return process(capture.image(), capture.mediaType());
    }

    /** The pool's size and how full its queue is now. */
    PoolStatus status();
}
