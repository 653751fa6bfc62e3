package org.huijian.meeting;

import java.time.Instant;

/**
 * A meeting (会见): the live session a booking becomes, as the supervisor's console and the terminals see it.
 *
 * @param bookedStart the booked time (the meeting opens a few minutes before)
 * @param readyAt when the detainee side pressed Ready, or {@code null}
 * @param connectedAt when the call started, or {@code null}
 * @param limitAt when the call will be ended (its time limit), or {@code null} before it connects
 * @param endedAt when it ended or was terminated, or {@code null}
 * @param endReason why it ended, or {@code null}
 * @param lawyerOnline whether the lawyer terminal is connected to the server
 * @param detaineeOnline whether the detainee terminal is connected to the server
 * @param parties who meets whom, where (names for the screens), or {@code null} if they cannot be read
 */
public record Meeting(long id, long bookingId, MeetingState state, long lawyerTerminalId, long detaineeTerminalId,
        Instant bookedStart, Instant bookedEnd, Instant readyAt, Instant connectedAt, Instant limitAt, Instant endedAt,
        String endReason, boolean lawyerOnline, boolean detaineeOnline, MeetingParties parties) {
}
