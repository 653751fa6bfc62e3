package org.huijian.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.huijian.core.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Bookings. Every request runs the site's rules; a refusal throws {@link BookingRefusedException} naming
 * the rule. A slot is never given twice: a booking holds a position and a detainee terminal for each of
 * its slots, and the database refuses a second hold. Every change is one transaction, one audit event and
 * one step in the booking's history. Lawyers see and change only their own bookings.
 */
@ProviderType
public interface BookingService {

    Availability availability(long centreId, long detentionCentreId, LocalDate date);

    Booking request(Actor actor, BookingRequest request);

    Booking approve(Actor actor, long bookingId, String note);

    Booking reject(Actor actor, long bookingId, String reason);

    Booking cancel(Actor actor, long bookingId, String reason);

    /** Moves a booking to another start (same centre, detention centre and length), keeping its approval state. */
    Booking reschedule(Actor actor, long bookingId, LocalDate date, LocalTime start);

    /** Centre staff: the lawyer has arrived. */
    Booking checkIn(Actor actor, long bookingId);

    /** The meeting of a checked-in booking has connected (会见中); staff or the meeting keeper. */
    Booking meetingStarted(Actor actor, long bookingId);

    Booking complete(Actor actor, long bookingId);

    Booking noShow(Actor actor, long bookingId, String reason);

    Booking booking(Actor actor, long bookingId);

    List<BookingEvent> history(Actor actor, long bookingId);

    /** The letters on file for the booking's lawyer and case (authorisation letter, law firm's letter), for approvers. */
    List<Document> documents(Actor actor, long bookingId);

    /** A lawyer's bookings between two dates (inclusive), newest first. */
    List<Booking> bookingsOf(Actor actor, long lawyerId, LocalDate from, LocalDate to);

    /** Bookings waiting for approval, oldest first. */
    List<Booking> pending(Actor actor);

    /** The detention centre's list of who must be brought to which terminal when (提押单), by start. */
    List<Booking> daily(Actor actor, long detentionCentreId, LocalDate date);

    /** The centre's bookings of a day, for check-in, by start. */
    List<Booking> centreDay(Actor actor, long centreId, LocalDate date);

    WaitlistEntry joinWaitlist(Actor actor, WaitlistRequest request);

    WaitlistEntry leaveWaitlist(Actor actor, long entryId);

    /** The lawyer takes the booking offered to them from the waiting list. */
    Booking acceptOffer(Actor actor, long entryId);

    List<WaitlistEntry> waitlistOf(Actor actor, long lawyerId);

    /**
     * The detainee cannot be brought at that time: bookings that overlap are moved to the next free slot of
     * the same day or cancelled, with the reason, and their lawyers told at once. Returns them.
     */
    List<Booking> detaineeUnavailable(Actor actor, Unavailability unavailability);
}
