package org.huijian.booking;

import org.huijian.core.RefusedException;

/**
 * A booking rule refused the request. {@link #rule()} names the rule so clients can react, the message
 * explains it to a person. Nothing was written.
 */
public class BookingRefusedException extends RefusedException {
    private static final long serialVersionUID = 1L;

    /** @param rule e.g. {@code slot-taken}, {@code lawyer-not-verified}, {@code case-needs-approval} */
    public BookingRefusedException(String rule, String message) {
        super(rule, message);
    }

    @Override
    public String type() {
        return "booking-refused";
    }
}
