package org.huijian.core;

/** The named thing does not exist. */
public class NotFoundException extends HuijianException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String key;

    public NotFoundException(String kind, Object key) {
        super("no " + kind + " " + key);
        this.kind = kind;
        this.key = String.valueOf(key);
    }

    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    @Override
    public String type() {
        return "not-found";
    }
}
