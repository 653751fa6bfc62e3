package org.huijian.booking;

/** Where a booking (预约) is in its life. */
public enum BookingStatus {
    /** Submitted, the automatic checks passed, waiting for an approver. */
    PENDING_APPROVAL,
    /** Approved: the slot is the lawyer's. */
    APPROVED,
    /** Refused by an approver, with a reason. */
    REJECTED,
    /** Withdrawn by the lawyer, or cancelled by the site (e.g. the detainee is unavailable), with a reason. */
    CANCELLED,
    /** The lawyer checked in at the centre. */
    CHECKED_IN,
    /** The meeting is on. */
    IN_MEETING,
    /** The meeting took place. */
    COMPLETED,
    /** The lawyer did not come (or came too late and the slot was released). */
    NO_SHOW;

    /** Whether the booking still holds its position and detainee terminal. */
    public boolean holdsSlot() {
        return this == PENDING_APPROVAL || this == APPROVED || this == CHECKED_IN || this == IN_MEETING;
    }
}
