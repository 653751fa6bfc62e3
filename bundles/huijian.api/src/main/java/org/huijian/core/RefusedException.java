package org.huijian.core;

import java.util.Map;

/**
 * A rule of the domain refused the request (HTTP 409). {@link #rule()} names the rule so clients can react; the
 * message explains it to a person. Nothing was written.
 */
public abstract class RefusedException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    /** A refusal is an answer by rule, not a fault: its stack trace is not filled in. */
    protected RefusedException(String rule, String message) {
        super(null, message, false);
        this.rule = rule;
    }

    /** The rule, e.g. {@code slot-taken} or {@code not-ready}. */
    public String rule() {
        return rule;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("rule", rule);
    }
}
