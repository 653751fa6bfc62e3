package org.huijian.site;

import java.time.LocalDate;

/** What an administrator enters for a holiday or make-up working day. */
public record SpecialDaySpec(LocalDate date, String name, Boolean open, Long centreId) {
}
