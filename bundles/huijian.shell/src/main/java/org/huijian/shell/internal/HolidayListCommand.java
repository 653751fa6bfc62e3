package org.huijian.shell.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.site.Centre;
import org.huijian.site.SiteService;
import org.huijian.site.SpecialDay;

@Service
@Command(scope = "huijian", name = "holiday-list", description = "Lists holidays and make-up working days; this calendar year by default")
public class HolidayListCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Option(name = "--from", description = "First date, yyyy-MM-dd; 1 January of this year when left out")
    private String from;

    @Option(name = "--to", description = "Last date, yyyy-MM-dd; a year after --from, less a day, when left out")
    private String to;

    @Option(name = "--centre", aliases = "-c", description = "Only the days that apply to this centre")
    @Completion(CentreCodeCompleter.class)
    private String centreCode;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        LocalDate first = from == null ? LocalDate.now().withDayOfYear(1) : Inputs.date("from", from);
        LocalDate last = to == null ? first.plusYears(1).minusDays(1) : Inputs.date("to", to);
        Long centreId = centreCode == null ? null : centre(s, centreCode).id();
        Map<Long, String> centres = new HashMap<>();
        for (Centre c : s.centres()) {
            centres.put(c.id(), c.code());
        }
        ShellTable table = new ShellTable().emptyTableText("No holidays or make-up working days from " + first + " to " + last);
        table.column("Id").alignRight();
        table.column("Date");
        table.column("Day");
        table.column("Name");
        table.column("Kind");
        table.column("Centre");
        for (SpecialDay d : s.specialDays(centreId, first, last)) {
            table.addRow().addContent(d.id(), d.date(), d.date().getDayOfWeek(), d.name(),
                    Texts.kind(d), d.centreId() == null ? "all" : centres.getOrDefault(d.centreId(), "#" + d.centreId()));
        }
        table.print(out());
    }
}
