package org.huijian.shell.internal;

import java.time.LocalDate;
import java.util.List;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingService;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "booking-list", description = "Lists bookings waiting for approval, or a centre's "
        + "bookings of a day")
public class BookingListCommand extends HuijianCommand {

    @Reference(optional = true)
    private BookingService bookings;

    @Reference(optional = true)
    private SiteService site;

    @Option(name = "--centre", aliases = "-c", description = "A centre's bookings of --date instead of the approval queue")
    @Completion(CentreCodeCompleter.class)
    private String centre;

    @Option(name = "--date", aliases = "-d", description = "The day (yyyy-MM-dd), with --centre; default today")
    private String date;

    @Override
    protected void run() throws Exception {
        BookingService service = need(bookings, "booking");
        List<Booking> list = centre == null ? service.pending(actor())
                : service.centreDay(actor(), centre(need(site, "the site service"), centre).id(),
                        date == null ? LocalDate.now() : Inputs.date("date", date));
        ShellTable table = new ShellTable().emptyTableText(centre == null ? "No bookings wait for approval" : "No bookings");
        table.column("Id").alignRight();
        table.column("Reference");
        table.column("Start");
        table.column("End");
        table.column("Lawyer").alignRight();
        table.column("Detainee").alignRight();
        table.column("Position").alignRight();
        table.column("Terminal").alignRight();
        table.column("Status");
        for (Booking b : list) {
            table.addRow().addContent(b.id(), b.reference(), b.start(), b.end().toLocalTime(), b.lawyerId(),
                    b.detaineeId(), b.positionId(), b.detaineeTerminalId(), b.status());
        }
        table.print(out());
    }
}
