package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.site.Centre;
import org.huijian.site.DetentionCentre;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "centre-list", description = "Lists the lawyer video meeting centres")
public class CentreListCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        ShellTable table = new ShellTable().emptyTableText("No centres");
        table.column("Code");
        table.column("Name");
        table.column("Address");
        table.column("Phone");
        table.column("Positions").alignRight();
        table.column("Detention centres");
        for (Centre c : s.centres()) {
            table.addRow().addContent(c.code(), c.name(), Texts.or(c.address(), ""), Texts.or(c.phone(), ""),
                    s.positions(c.id()).size(),
                    Texts.joined(s.linkedDetentionCentres(c.id()).stream().map(DetentionCentre::code).toList()));
        }
        table.print(out());
    }
}
