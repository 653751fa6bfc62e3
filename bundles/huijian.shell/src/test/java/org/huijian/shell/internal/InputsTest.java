package org.huijian.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.huijian.core.ConflictException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.TerminalKind;
import org.junit.jupiter.api.Test;

class InputsTest {

    @Test
    void parsesPeriodsWithOrWithoutLeadingZero() {
        assertEquals(new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 30), LocalTime.of(11, 30)),
                Inputs.period(DayOfWeek.MONDAY, "09:30-11:30"));
        assertEquals(new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                Inputs.period(DayOfWeek.MONDAY, "9:00-12:00"));
    }

    @Test
    void rejectsMalformedPeriod() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.period(DayOfWeek.MONDAY, "9h-10h"));
        assertEquals("period: '9h-10h' is not a range like 09:30-11:30", HuijianCommand.reason(e));
        assertThrows(InvalidInputException.class, () -> Inputs.period(DayOfWeek.MONDAY, "25:00-26:00"));
    }

    @Test
    void parsesDaysAndKindsIgnoringCase() {
        assertEquals(DayOfWeek.TUESDAY, Inputs.day("tuesday"));
        assertEquals(TerminalKind.LAWYER, Inputs.terminalKind("lawyer"));
        assertThrows(InvalidInputException.class, () -> Inputs.day("FUNDAY"));
        assertThrows(InvalidInputException.class, () -> Inputs.terminalKind("PRINTER"));
    }

    @Test
    void parsesDates() {
        assertEquals(LocalDate.of(2026, 10, 1), Inputs.date("date", "2026-10-01"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.date("from", "2026-13-01"));
        assertEquals("from", e.violations().get(0).field());
    }

    @Test
    void parsesRoleIds() {
        assertEquals(Set.of(Role.SITE_ADMIN, Role.AUDITOR), Inputs.roles(List.of("site-admin", "auditor")));
        assertEquals(Set.of(), Inputs.roles(null));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Inputs.roles(List.of("boss")));
        assertEquals("roles", e.violations().get(0).field());
    }

    @Test
    void reasonsAreOneLine() {
        assertEquals("name: is required; code: must not contain spaces", HuijianCommand.reason(new InvalidInputException(List.of(
                new InvalidInputException.Violation("name", "is required"),
                new InvalidInputException.Violation("code", "must not contain spaces")))));
        assertEquals("no centre GZ", HuijianCommand.reason(new NotFoundException("centre", "GZ")));
        assertEquals("code: GZ is taken", HuijianCommand.reason(new ConflictException("code", "GZ is taken")));
        assertEquals("code GZ is taken", HuijianCommand.reason(new ConflictException("code", "code GZ is taken")));
        assertEquals("locked", HuijianCommand.reason(new ConflictException(null, "locked")));
    }
}
