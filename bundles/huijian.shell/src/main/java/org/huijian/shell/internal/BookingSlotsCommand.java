package org.huijian.shell.internal;

import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.booking.Availability;
import org.huijian.booking.BookingService;
import org.huijian.booking.Slot;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "booking-slots", description = "Shows the slots of a day for a centre and a linked "
        + "detention centre, and how much of each is free")
public class BookingSlotsCommand extends HuijianCommand {

    @Reference(optional = true)
    private BookingService bookings;

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "centre", description = "Centre code", required = true)
    @Completion(CentreCodeCompleter.class)
    private String centre;

    @Argument(index = 1, name = "detentionCentre", description = "Detention centre code", required = true)
    @Completion(DetentionCentreCodeCompleter.class)
    private String detentionCentre;

    @Argument(index = 2, name = "date", description = "The day (yyyy-MM-dd); default tomorrow")
    private String date;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        LocalDate day = date == null ? LocalDate.now().plusDays(1) : Inputs.date("date", date);
        Availability a = need(bookings, "booking").availability(centre(s, centre).id(),
                detentionCentre(s, detentionCentre).id(), day);
        out().println(day + ": " + (a.bookable() ? "open for booking" : a.reason()) + " (released at "
                + a.releasedAt() + ")");
        ShellTable table = new ShellTable().emptyTableText("The centre is closed that day");
        table.column("Start");
        table.column("End");
        table.column("Free positions").alignRight();
        table.column("Free detainee terminals").alignRight();
        for (Slot slot : a.slots()) {
            table.addRow().addContent(slot.start().toLocalTime(), slot.end().toLocalTime(), slot.freePositions(),
                    slot.freeTerminals());
        }
        table.print(out());
    }
}
