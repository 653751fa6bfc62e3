package org.huijian.shell.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.Centre;
import org.huijian.site.SiteService;
import org.huijian.site.TimeRange;

@Service
@Command(scope = "huijian", name = "opening", description = "Shows when a centre is open on a date, after holidays and make-up working days")
public class OpeningCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "centreCode", required = true)
    @Completion(CentreCodeCompleter.class)
    private String centreCode;

    @Argument(index = 1, name = "date", description = "yyyy-MM-dd; today when left out")
    private String date;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Centre centre = centre(s, centreCode);
        LocalDate day = date == null ? LocalDate.now() : Inputs.date("date", date);
        List<TimeRange> open = s.openingOn(centre.id(), day);
        String special = s.specialDays(centre.id(), day, day).stream()
                .map(d -> (d.open() ? "make-up working day: " : "holiday: ") + d.name())
                .collect(Collectors.joining("; "));
        out().println(centre.code() + " on " + day + " (" + day.getDayOfWeek() + "): "
                + (open.isEmpty() ? "closed" : Texts.ranges(open))
                + (special.isEmpty() ? "" : " [" + special + "]"));
    }
}
