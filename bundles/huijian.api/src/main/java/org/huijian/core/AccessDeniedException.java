package org.huijian.core;

/** The actor's roles do not allow the action. */
public class AccessDeniedException extends HuijianException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String type() {
        return "forbidden";
    }
}
