package org.huijian.booking;

import java.time.Instant;

/** One step in a booking's history: who changed it, when, from what to what, and why. */
public record BookingEvent(Instant at, String actor, BookingStatus from, BookingStatus to, String reason) {
}
