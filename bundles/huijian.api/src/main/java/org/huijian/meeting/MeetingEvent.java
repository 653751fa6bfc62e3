package org.huijian.meeting;

import java.time.Instant;

/**
 * One thing that happened in a meeting, kept in its record.
 *
 * @param kind {@code opened}, {@code ready}, {@code ready-withdrawn}, {@code connected}, {@code reminder},
 *        {@code limit}, {@code warning}, {@code disconnected}, {@code reconnected}, {@code restarted}, {@code ended},
 *        {@code terminated}
 * @param by a terminal ({@code lawyer-terminal:12}), a user name, or {@code system}
 */
public record MeetingEvent(Instant at, String kind, String by, String detail) {
}
