package org.huijian.core;

/** Too much at once: a bounded queue is full. The caller may try again shortly; nothing was done. */
public class BusyException extends HuijianException {
    private static final long serialVersionUID = 1L;

    public BusyException(String message) {
        super(message);
    }

    @Override
    public String type() {
        return "busy";
    }
}
