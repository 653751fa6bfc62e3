package org.huijian.printing.spi;

/**
 * A printer could not do what was asked. {@link #reason()} says why in a short machine-readable word (the constants
 * below, or a driver's own); {@link #getMessage()} says it for people and logs, with the printer's details (e.g. an
 * IPP status code name).
 */
public class PrintException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The printer cannot be reached (connection refused, timeout, DNS, TLS). */
    public static final String UNREACHABLE = "unreachable";
    /** The printer answered but refused the job (e.g. not accepting jobs, not authorised, IPP error status). */
    public static final String REFUSED = "refused";
    /** The printer does not take this document's media type. */
    public static final String UNSUPPORTED_FORMAT = "unsupported-format";
    /** The queue or the job does not exist on the printer. */
    public static final String NOT_FOUND = "not-found";
    /** The printer is known but switched off for now (stopped, disabled, told to be unavailable). */
    public static final String UNAVAILABLE = "unavailable";
    /** The printer answered something the driver could not understand. */
    public static final String PROTOCOL = "protocol";

    private final String reason;

    public PrintException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PrintException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why, in a short word such as {@link #UNREACHABLE}, {@link #REFUSED} or {@link #UNSUPPORTED_FORMAT}. */
    public String reason() {
        return reason;
    }
}
