package org.huijian.documents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Huijian document display",
        description = "Deskew and OCR of document camera captures: limits, worker pool, Tesseract")
public @interface DocumentsConfig {
    String PID = "org.huijian.documents";

    @AttributeDefinition(description = "Workers: pages processed at the same time (each runs one Tesseract process)")
    int threads() default 2;

    @AttributeDefinition(description = "Most pages waiting for a worker; beyond it new pages are refused as busy")
    int queueCapacity() default 8;

    @AttributeDefinition(description = "Seconds from submission after which a page is given up (Tesseract is killed)")
    int timeoutSeconds() default 60;

    @AttributeDefinition(description = "Largest encoded image accepted, in bytes")
    int maxBytes() default 30 * 1024 * 1024;

    @AttributeDefinition(description = "Largest image accepted, in megapixels (width x height from the header)")
    int maxMegapixels() default 50;

    @AttributeDefinition(description = "Larger images are decoded at a reduced size (every 2nd, 3rd ... pixel) to at "
            + "most this many megapixels; bounds each worker's memory (3 bytes a pixel)")
    int decodeMegapixels() default 16;

    @AttributeDefinition(description = "The tesseract program: a name on the PATH or an absolute path")
    String tesseract() default "tesseract";

    @AttributeDefinition(description = "Tesseract languages, joined by +; chi_sim also reads digits and Latin "
            + "letters, chi_sim+eng suits papers mostly in English")
    String languages() default "chi_sim";

    @AttributeDefinition(description = "Tesseract page segmentation mode: 6 = one block of text (letters, forms), "
            + "3 = fully automatic (columns)")
    int pageSegmentation() default 6;

    @AttributeDefinition(description = "Folder of the .traineddata files; empty for Tesseract's own")
    String tessdata() default "";

    @AttributeDefinition(description = "Resolution to tell Tesseract when the page's size gives none, dots per inch")
    int dpi() default 200;

    @AttributeDefinition(description = "Seconds a server-side document camera may take to deliver a still")
    int cameraTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Retry-After, in seconds, sent with a 503 when the queue is full")
    int retryAfterSeconds() default 5;

    @AttributeDefinition(description = "Uploads read at the same time (each holds up to maxBytes in memory); more are "
            + "refused as busy (503) before their body is read")
    int uploadsInFlight() default 4;
}
