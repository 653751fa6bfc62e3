package org.huijian.site;

import java.time.LocalDate;

/**
 * A date that departs from the weekly hours: a public holiday ({@code open = false}) or a make-up
 * working day (调休, {@code open = true}: the centre keeps Monday's hours that day).
 *
 * @param centreId the centre it applies to, or {@code null} for every centre of the site
 */
public record SpecialDay(long id, LocalDate date, String name, boolean open, Long centreId) {
}
