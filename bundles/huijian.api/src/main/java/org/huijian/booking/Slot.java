package org.huijian.booking;

import java.time.LocalDateTime;

/**
 * One slot of a centre and a detention centre on a day, and how much of it is free. It can be booked
 * when both a position and a detainee terminal are free and the day has been released.
 */
public record Slot(LocalDateTime start, LocalDateTime end, int freePositions, int freeTerminals) {
    public boolean free() {
        return freePositions > 0 && freeTerminals > 0;
    }
}
