package org.huijian.meeting;

import java.time.Instant;

/**
 * A meeting (会见): the live session a booking becomes.
 *
 * @param connectedAt when the call started, or {@code null}
 * @param endedAt when it ended or was terminated, or {@code null}
 */
public record Meeting(long id, long bookingId, MeetingState state, Instant connectedAt, Instant endedAt) {
}
