package org.huijian.shell.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.huijian.core.InvalidInputException;
import org.huijian.core.Role;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.TerminalKind;

/**
 * Parses what people type on the console. Bad input throws {@link InvalidInputException}, so it is
 * reported exactly like the services' own checks ({@code field: message}).
 */
final class Inputs {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})\\s*[-–]\\s*(\\d{1,2}:\\d{2})");

    private Inputs() {
    }

    static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + text + "' is not a date like 2026-10-01");
        }
    }

    static DayOfWeek day(String text) {
        try {
            return DayOfWeek.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("day", "'" + text + "' is not one of " + Arrays.toString(DayOfWeek.values()));
        }
    }

    /** {@code 09:30-11:30} on the given day. */
    static OpeningPeriod period(DayOfWeek day, String text) {
        Matcher m = RANGE.matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidInputException("period", "'" + text + "' is not a range like 09:30-11:30");
        }
        try {
            return new OpeningPeriod(day, LocalTime.parse(m.group(1), TIME), LocalTime.parse(m.group(2), TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("period", "'" + text + "' is not a range like 09:30-11:30");
        }
    }

    static TerminalKind terminalKind(String text) {
        try {
            return TerminalKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "'" + text + "' is not one of " + Arrays.toString(TerminalKind.values()));
        }
    }

    static Set<Role> roles(List<String> ids) {
        Set<Role> roles = new LinkedHashSet<>();
        if (ids == null) {
            return roles;
        }
        for (String id : ids) {
            roles.add(Role.byId(id.trim()).orElseThrow(() -> new InvalidInputException("roles",
                    "'" + id + "' is not one of " + Arrays.stream(Role.values()).map(Role::id)
                            .collect(Collectors.joining(", ")))));
        }
        return roles;
    }
}
