package org.huijian.documents;

/** Where a {@link Job} is. The last three are final. */
public enum JobState {
    /** Waiting for a worker. */
    QUEUED,
    /** Decoding, finding the page, straightening it. */
    DESKEWING,
    /** Tesseract is reading the straight page. */
    RECOGNISING,
    DONE,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
