package org.huijian.booking;

import java.util.Map;
import org.huijian.core.ConflictException;

/**
 * A booking rule refused the request. {@link #rule()} names the rule so clients can react, the message
 * explains it to a person. Nothing was written.
 */
public class BookingRefusedException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final String rule;

    public BookingRefusedException(String rule, String message) {
        super(null, message);
        this.rule = rule;
    }

    /** The rule, e.g. {@code slot-taken}, {@code lawyer-not-verified}, {@code case-needs-approval}. */
    public String rule() {
        return rule;
    }

    @Override
    public String type() {
        return "booking-refused";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("rule", rule);
    }
}
