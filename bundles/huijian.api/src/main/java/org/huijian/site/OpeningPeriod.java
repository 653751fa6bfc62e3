package org.huijian.site;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly opening period of a centre, e.g. Monday 09:30–11:30. {@code start} is before {@code end}. */
public record OpeningPeriod(DayOfWeek day, LocalTime start, LocalTime end) {
}
