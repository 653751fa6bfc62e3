package org.huijian.printing.spi;

/** The states of a print job, after IPP's job-state (RFC 8011 §5.3.7) with pending-held folded into PENDING. */
public enum PrintJobState {
    /** Waiting in the queue (or held). */
    PENDING,
    /** Being printed (or stopped on the way, e.g. out of paper). */
    PROCESSING,
    /** Printed. */
    COMPLETED,
    /** Given up by the printer (an error). */
    ABORTED,
    /** Cancelled by someone. */
    CANCELED;

    /** Whether a job in this state will not change any more. */
    public boolean terminal() {
        return this == COMPLETED || this == ABORTED || this == CANCELED;
    }
}
