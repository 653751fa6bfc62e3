package org.huijian.booking;

/** Where a booking is in its life. */
public enum BookingStatus {
    PENDING_APPROVAL, APPROVED, REJECTED, CANCELLED, CHECKED_IN, IN_MEETING, COMPLETED, NO_SHOW
}
