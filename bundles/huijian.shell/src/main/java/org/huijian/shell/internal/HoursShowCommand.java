package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.Centre;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "hours-show", description = "Shows the weekly opening hours of a centre")
public class HoursShowCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "centreCode", required = true)
    @Completion(CentreCodeCompleter.class)
    private String centreCode;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Centre centre = centre(s, centreCode);
        Texts.weeklyHours(s.openingHours(centre.id())).print(out());
    }
}
