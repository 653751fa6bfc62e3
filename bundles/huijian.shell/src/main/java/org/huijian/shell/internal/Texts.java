package org.huijian.shell.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.core.Role;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.SpecialDay;
import org.huijian.site.TimeRange;

/** How values are shown on the console. Times are in the server's zone. */
final class Texts {
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Texts() {
    }

    static String instant(Instant at) {
        return at == null ? "" : INSTANT.format(at);
    }

    static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    static String roles(Collection<Role> roles) {
        return roles.stream().sorted().map(Role::id).collect(Collectors.joining(","));
    }

    static String range(LocalTime start, LocalTime end) {
        return TIME.format(start) + "-" + TIME.format(end);
    }

    static String ranges(List<TimeRange> ranges) {
        return ranges.stream().map(r -> range(r.start(), r.end())).collect(Collectors.joining(" "));
    }

    static String joined(Collection<String> values) {
        return String.join(",", values);
    }

    static String kind(SpecialDay day) {
        return day.open() ? "workday" : "holiday";
    }

    /** One row per weekday, Monday first; a day without periods shows {@code closed}. */
    static ShellTable weeklyHours(List<OpeningPeriod> periods) {
        ShellTable table = new ShellTable();
        table.column("Day");
        table.column("Periods");
        for (DayOfWeek day : DayOfWeek.values()) {
            String text = periods.stream()
                    .filter(p -> p.day() == day)
                    .sorted(Comparator.comparing(OpeningPeriod::start))
                    .map(p -> range(p.start(), p.end()))
                    .collect(Collectors.joining(" "));
            table.addRow().addContent(day, text.isEmpty() ? "closed" : text);
        }
        return table;
    }
}
