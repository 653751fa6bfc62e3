package org.huijian.booking.internal.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import javax.ws.rs.core.SecurityContext;
import org.huijian.accounts.AccountService;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.web.WebPrincipal;

/** Request bodies and views of the booking API that are not API records. */
public final class Bodies {
    private Bodies() {
    }

    public record Note(String note) {
    }

    public record Reason(String reason) {
    }

    public record Reschedule(LocalDate date, LocalTime start) {
    }

    public record UnavailabilityBody(LocalDateTime from, LocalDateTime to, String reason) {
    }

    /** One line of a detention centre's daily list (提押单). */
    public record DailyLine(String reference, LocalDateTime start, LocalDateTime end, String detaineeCode,
            String detaineeName, String terminal, String lawyer, String lawFirm, String centre, String status) {
    }

    /** One line of a centre's day, for check-in. */
    public record CentreLine(long bookingId, String reference, LocalDateTime start, LocalDateTime end, String position,
            String lawyer, String licenceNo, String status) {
    }

    /** What a lawyer's lookup of a detainee and case returns. */
    public record Lookup(long detaineeId, long caseId, String detaineeName, String caseNo, String charge, String stage) {
    }

    /** A law firm as the registration form lists it. */
    public record FirmChoice(long id, String name) {
    }

    static Actor actor(SecurityContext security) {
        return WebPrincipal.of(security).actor();
    }

    /** The lawyer the signed-in account belongs to; 404 for an account that is no lawyer's. */
    static long ownLawyer(AccountService accounts, SecurityContext security) {
        Long id = accounts.account(security.getUserPrincipal().getName()).lawyerId();
        if (id == null) {
            throw new NotFoundException("lawyer", "of this account");
        }
        return id;
    }

    static <T> T body(T body) {
        new Checks().required("(body)", body).done();
        return body;
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date like 2026-12-01");
        }
    }
}
