package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.site.Centre;
import org.huijian.site.DetentionCentre;
import org.huijian.site.Position;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "centre-show", description = "Shows a centre with its positions, linked detention centres and weekly hours")
public class CentreShowCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "centreCode", required = true)
    @Completion(CentreCodeCompleter.class)
    private String code;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Centre centre = centre(s, code);

        ShellTable about = new ShellTable().noHeaders();
        about.column("Item");
        about.column("Value");
        about.addRow().addContent("Code", centre.code());
        about.addRow().addContent("Name", centre.name());
        about.addRow().addContent("Address", Texts.or(centre.address(), ""));
        about.addRow().addContent("Phone", Texts.or(centre.phone(), ""));
        about.print(out());

        out().println();
        out().println("Positions");
        ShellTable positions = new ShellTable().emptyTableText("No positions");
        positions.column("Code");
        positions.column("Name");
        positions.column("Enabled");
        for (Position p : s.positions(centre.id())) {
            positions.addRow().addContent(p.code(), p.name(), p.enabled() ? "yes" : "no");
        }
        positions.print(out());

        out().println();
        out().println("Linked detention centres");
        ShellTable linked = new ShellTable().emptyTableText("None");
        linked.column("Code");
        linked.column("Name");
        for (DetentionCentre dc : s.linkedDetentionCentres(centre.id())) {
            linked.addRow().addContent(dc.code(), dc.name());
        }
        linked.print(out());

        out().println();
        out().println("Weekly hours");
        Texts.weeklyHours(s.openingHours(centre.id())).print(out());
    }
}
