package org.huijian.shell.internal;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.Centre;
import org.huijian.site.OpeningPeriod;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "hours-set", description = "Replaces one weekday's opening periods of a centre",
        detailedDescription = "Sets the periods of one weekday, e.g. MONDAY 09:30-11:30 14:00-16:30, and keeps the other "
                + "days. The word closed instead of periods closes the centre that day.")
public class HoursSetCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "centreCode", required = true)
    @Completion(CentreCodeCompleter.class)
    private String centreCode;

    @Argument(index = 1, name = "day", description = "MONDAY ... SUNDAY", required = true)
    @Completion(WeekdayCompleter.class)
    private String day;

    @Argument(index = 2, name = "periods", description = "Periods like 09:30-11:30 14:00-16:30, or the word closed",
            required = true, multiValued = true)
    private List<String> periods;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Centre centre = centre(s, centreCode);
        DayOfWeek weekday = Inputs.day(day);
        List<OpeningPeriod> hours = new ArrayList<>();
        for (OpeningPeriod p : s.openingHours(centre.id())) {
            if (p.day() != weekday) {
                hours.add(p);
            }
        }
        boolean closed = periods.size() == 1 && periods.get(0).toLowerCase(Locale.ROOT).equals("closed");
        if (!closed) {
            for (String text : periods) {
                hours.add(Inputs.period(weekday, text));
            }
        }
        hours.sort(Comparator.comparing(OpeningPeriod::day).thenComparing(OpeningPeriod::start));
        List<OpeningPeriod> saved = s.setOpeningHours(actor(), centre.id(), hours);
        out().println("Weekly hours of centre " + centre.code());
        Texts.weeklyHours(saved).print(out());
    }
}
