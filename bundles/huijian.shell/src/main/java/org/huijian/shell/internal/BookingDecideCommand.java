package org.huijian.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingService;

/** What approve, reject and cancel share: a booking id and a note or reason. */
abstract class BookingDecideCommand extends HuijianCommand {

    @Reference(optional = true)
    private BookingService bookings;

    @Argument(index = 0, name = "id", description = "The booking's id", required = true)
    long id;

    @Argument(index = 1, name = "reason", description = "Why (a note, for approve)", multiValued = true)
    List<String> words;

    abstract Booking decide(BookingService service, long id, String reason);

    @Override
    protected void run() throws Exception {
        String reason = words == null ? null : String.join(" ", words);
        Booking b = decide(need(bookings, "booking"), id, reason);
        out().println("Booking " + b.reference() + " is now " + b.status());
    }

    @Service
    @Command(scope = "huijian", name = "booking-approve", description = "Approves a booking waiting for approval")
    public static class Approve extends BookingDecideCommand {
        @Override
        Booking decide(BookingService service, long id, String reason) {
            return service.approve(actor(), id, reason);
        }
    }

    @Service
    @Command(scope = "huijian", name = "booking-reject", description = "Rejects a booking, with the reason the lawyer is told")
    public static class Reject extends BookingDecideCommand {
        @Override
        Booking decide(BookingService service, long id, String reason) {
            return service.reject(actor(), id, reason);
        }
    }

    @Service
    @Command(scope = "huijian", name = "booking-cancel", description = "Cancels a booking, with the reason the lawyer is told")
    public static class Cancel extends BookingDecideCommand {
        @Override
        Booking decide(BookingService service, long id, String reason) {
            return service.cancel(actor(), id, reason);
        }
    }
}
