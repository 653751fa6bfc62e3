package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.SiteService;
import org.huijian.site.SpecialDay;
import org.huijian.site.SpecialDaySpec;

@Service
@Command(scope = "huijian", name = "holiday-add", description = "Adds a public holiday, or with --workday a make-up working day (调休)")
public class HolidayAddCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "date", description = "yyyy-MM-dd", required = true)
    private String date;

    @Argument(index = 1, name = "name", description = "e.g. 国庆节 (quote it if it has spaces)", required = true)
    private String name;

    @Option(name = "--workday", aliases = "-w", description = "A make-up working day: open with Monday's hours")
    private boolean workday;

    @Option(name = "--centre", aliases = "-c", description = "Only this centre; every centre of the site when left out")
    @Completion(CentreCodeCompleter.class)
    private String centreCode;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Long centreId = centreCode == null ? null : centre(s, centreCode).id();
        SpecialDay day = s.addSpecialDay(actor(), new SpecialDaySpec(Inputs.date("date", date), name, workday, centreId));
        out().println("Added " + (day.open() ? "make-up working day " : "holiday ") + day.date() + " " + day.name()
                + (centreCode == null ? " for every centre" : " for centre " + centreCode) + " (id " + day.id() + ")");
    }
}
