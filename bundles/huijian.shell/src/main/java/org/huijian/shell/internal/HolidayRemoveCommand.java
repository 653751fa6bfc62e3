package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "holiday-remove", description = "Removes a holiday or make-up working day by its id (see holiday-list)")
public class HolidayRemoveCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "id", description = "The id shown by huijian:holiday-list", required = true)
    private long id;

    @Override
    protected void run() throws Exception {
        need(site, "the site service").removeSpecialDay(actor(), id);
        out().println("Removed special day " + id);
    }
}
