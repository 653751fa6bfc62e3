package org.huijian.core;

/** Base of the errors the services report; each maps to one HTTP status and problem type. */
public abstract class HuijianException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected HuijianException(String message) {
        super(message);
    }

    /**
     * An error whose stack trace is filled in only when {@code stackTrace}: an answer the domain gives by rule (a
     * refusal) is not a fault to debug, and a release rush refuses thousands a second.
     */
    protected HuijianException(String message, boolean stackTrace) {
        super(message, null, true, stackTrace);
    }

    /** A short stable identifier of the problem type, e.g. {@code invalid-input}. */
    public abstract String type();

    /** Extra members for the problem detail a client can act on, e.g. {@code rule} of a refused booking. */
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of();
    }
}
