package org.huijian.booking;

/** Whether a lawyer may book. */
public enum QualificationStatus {
    /** Registered, not yet verified. */
    PENDING,
    /** The licence was checked: the lawyer may book. */
    VERIFIED,
    /** Not allowed to book, with a reason (failed verification, no-shows, an approver's decision). */
    SUSPENDED
}
