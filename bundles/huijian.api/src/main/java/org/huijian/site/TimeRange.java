package org.huijian.site;

import java.time.LocalTime;

/** A range of time within one day, {@code start} inclusive, {@code end} exclusive. */
public record TimeRange(LocalTime start, LocalTime end) {
}
