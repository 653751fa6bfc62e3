package org.huijian.transcript;

/** Where a transcript stands. */
public enum TranscriptState {
    /** The lawyer writes (起草); autosaved. */
    DRAFT,
    /** Submitted for signing (提交签字): the text is frozen and shown to the detainee; the lawyer may take it back. */
    SUBMITTED,
    /** The detainee signed; the sealed PDF is being made (or making it failed and is retried). */
    SIGNED,
    /** Rendered to PDF/A and signed by the server (PAdES); final. */
    SEALED,
    /** Sealed and sent to a printer at least once. */
    PRINTED;

    /** Whether the text can no longer change. */
    public boolean frozen() {
        return this != DRAFT;
    }

    /** Whether the sealed PDF exists. */
    public boolean sealed() {
        return this == SEALED || this == PRINTED;
    }
}
