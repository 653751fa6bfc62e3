package org.huijian.core;

/** Base of the errors the services report; each maps to one HTTP status and problem type. */
public abstract class HuijianException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected HuijianException(String message) {
        super(message);
    }

    /** A short stable identifier of the problem type, e.g. {@code invalid-input}. */
    public abstract String type();

    /** Extra members for the problem detail a client can act on, e.g. {@code rule} of a refused booking. */
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of();
    }
}
