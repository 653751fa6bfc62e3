package org.huijian.documents;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/** One page on its way through the pool: its state now and, eventually, its result. */
@ProviderType
public interface Job {
    /** Unique within this run of the server. */
    long id();

    JobState state();

    /** Rough share of the work done, 0–100. */
    int percent();

    Instant submitted();

    /** When the job is given up if not finished: timed out. */
    Instant deadline();

    /**
     * Completes with the page, or exceptionally with {@link ProcessingException} (timed out, cancelled, Tesseract
     * failed) or {@link org.huijian.core.InvalidInputException} (the image could not be decoded after all).
     */
    CompletableFuture<ProcessedPage> result();

    /** Gives the job up: a queued job never starts, a running one is stopped (Tesseract is killed). */
    void cancel();
}
