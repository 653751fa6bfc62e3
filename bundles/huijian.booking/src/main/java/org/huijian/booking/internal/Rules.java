package org.huijian.booking.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingRefusedException;
import org.huijian.booking.Qualification;
import org.huijian.booking.QualificationStatus;
import org.huijian.booking.Unavailability;
import org.huijian.directory.Case;
import org.huijian.directory.CaseStage;
import org.huijian.site.TimeRange;

/**
 * The booking rules. Each refuses with a {@link BookingRefusedException} naming the rule and saying why,
 * in words a lawyer understands. Inputs are plain values, so every rule is tested on its own.
 */
final class Rules {
    private final Policy policy;
    private final Calendar calendar;

    Rules(Policy policy) {
        this.policy = policy;
        this.calendar = new Calendar(policy);
    }

    Calendar calendar() {
        return calendar;
    }

    /** The day is in the booking window and its slots are released. */
    void window(LocalDate date, LocalDateTime now) {
        String closed = calendar.closedReason(date, now);
        if (closed != null) {
            String rule = date.isBefore(now.toLocalDate()) ? "in-the-past"
                    : now.isBefore(calendar.releasedAt(date)) && !date.isAfter(now.toLocalDate().plusDays(policy.windowDays()))
                            ? "not-released-yet" : "outside-window";
            throw new BookingRefusedException(rule, closed);
        }
    }

    /** The slots lie in one opening period and start on the slot grid; returns the end. */
    LocalDateTime hours(LocalDateTime start, int slots, List<TimeRange> opening) {
        if (opening.isEmpty()) {
            throw new BookingRefusedException("outside-hours", "the centre is closed on " + start.toLocalDate());
        }
        LocalDateTime end = calendar.end(start, slots, opening);
        if (end == null) {
            throw new BookingRefusedException("outside-hours", slots + " slot(s) from " + start.toLocalTime()
                    + " are not within the centre's opening hours " + describe(opening) + " (slots of "
                    + policy.slotMinutes() + " minutes from the start of each period)");
        }
        return end;
    }

    /** The lawyer is verified and not suspended. */
    void qualified(Qualification q, java.time.Instant now) {
        if (q == null || q.status() == QualificationStatus.PENDING) {
            throw new BookingRefusedException("lawyer-not-verified",
                    "your lawyer's licence has not been verified yet; you can book once it is");
        }
        if (q.status() == QualificationStatus.SUSPENDED && (q.until() == null || q.until().isAfter(now))) {
            throw new BookingRefusedException(q.until() == null ? "lawyer-suspended" : "suspended-no-shows",
                    "online booking is suspended" + (q.until() == null ? "" : " until " + q.until()) + ": " + q.reason());
        }
    }

    /** The case belongs to the detainee. */
    void caseOfDetainee(Case c, long detaineeId) {
        if (c.detaineeId() != detaineeId) {
            throw new org.huijian.core.InvalidInputException("caseId", "case " + c.caseNo()
                    + " is not a case of this detainee");
        }
    }

    /** Remote meetings are allowed in this case. */
    void caseAllowsRemote(Case c) {
        boolean restrictedCharge = c.stage() == CaseStage.INVESTIGATION
                && policy.approvalRequiredCharges().stream().anyMatch(w -> c.charge().contains(w));
        if (c.approvalRequired() || restrictedCharge) {
            throw new BookingRefusedException("case-needs-approval", "meetings in case " + c.caseNo()
                    + " need the investigating authority's approval (" + c.charge()
                    + "); no remote meeting can be booked online — apply to the investigating authority");
        }
        if (c.interpreterNeeded() && !policy.interpreterRemote()) {
            throw new BookingRefusedException("interpreter-needed",
                    "the detainee needs an interpreter; this site holds such meetings in person only");
        }
    }

    /** A first meeting in a case may have to be in person. */
    void firstMeeting(boolean metBefore) {
        if (!metBefore && !policy.firstMeetingRemote()) {
            throw new BookingRefusedException("first-meeting-in-person",
                    "this site holds a lawyer's first meeting in a case in person, at the detention centre");
        }
    }

    /** The lawyer's authorisation for the case is on file, or its letters come with the request. */
    void authorised(String authorisationStatus, boolean lettersAttached) {
        if ("REJECTED".equals(authorisationStatus) && !lettersAttached) {
            throw new BookingRefusedException("not-authorised",
                    "your authorisation for this case was not accepted; attach a new authorisation letter (委托书) "
                            + "and the law firm's letter (律所公函)");
        }
        if (!"ACCEPTED".equals(authorisationStatus) && !"PENDING".equals(authorisationStatus) && !lettersAttached) {
            throw new BookingRefusedException("not-authorised",
                    "attach the authorisation letter (委托书) and the law firm's letter (律所公函) for this case");
        }
    }

    /** Fairness: at most so many bookings per lawyer and day. */
    void dailyLimit(long bookingsThatDay) {
        if (bookingsThatDay >= policy.dailyLimit()) {
            throw new BookingRefusedException("daily-limit", "you already hold " + bookingsThatDay
                    + " booking(s) that day; at most " + policy.dailyLimit() + " per lawyer and day");
        }
    }

    /** The detainee can be brought at that time. */
    void detaineeAvailable(List<Unavailability> unavailable) {
        if (!unavailable.isEmpty()) {
            Unavailability u = unavailable.get(0);
            throw new BookingRefusedException("detainee-unavailable", "the detainee is not available from "
                    + u.from() + " to " + u.to() + ": " + u.reason());
        }
    }

    /** A lawyer cancels at least the cut-off before the start; staff may cancel any time before it ends. */
    void cancellable(Booking b, LocalDateTime now, boolean staff) {
        if (!b.status().holdsSlot()) {
            throw new BookingRefusedException("not-active", "booking " + b.reference() + " is " + b.status());
        }
        if (!staff && now.plusHours(policy.cancelCutoffHours()).isAfter(b.start())) {
            throw new BookingRefusedException("cancel-too-late", "bookings can be cancelled online until "
                    + policy.cancelCutoffHours() + " hours before the start (" + b.start().minusHours(policy.cancelCutoffHours())
                    + "); call the centre");
        }
    }

    private static String describe(List<TimeRange> opening) {
        StringBuilder sb = new StringBuilder();
        for (TimeRange r : opening) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.start()).append('–').append(r.end());
        }
        return sb.toString();
    }
}
