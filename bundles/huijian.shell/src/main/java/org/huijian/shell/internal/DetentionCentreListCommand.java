package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.site.Centre;
import org.huijian.site.DetentionCentre;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "dc-list", description = "Lists the detention centres")
public class DetentionCentreListCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        ShellTable table = new ShellTable().emptyTableText("No detention centres");
        table.column("Code");
        table.column("Name");
        table.column("Address");
        table.column("Phone");
        table.column("Centres");
        for (DetentionCentre dc : s.detentionCentres()) {
            table.addRow().addContent(dc.code(), dc.name(), Texts.or(dc.address(), ""), Texts.or(dc.phone(), ""),
                    Texts.joined(s.linkedCentres(dc.id()).stream().map(Centre::code).toList()));
        }
        table.print(out());
    }
}
