package org.huijian.core;

/** The request is valid but clashes with the current state (a duplicate code, a locked account). */
public class ConflictException extends HuijianException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** See {@link HuijianException#HuijianException(String, boolean)}. */
    protected ConflictException(String field, String message, boolean stackTrace) {
        super(message, stackTrace);
        this.field = field;
    }

    /** The field whose value clashes, or {@code null} when the clash is not about one field. */
    public String field() {
        return field;
    }

    @Override
    public String type() {
        return "conflict";
    }
}
