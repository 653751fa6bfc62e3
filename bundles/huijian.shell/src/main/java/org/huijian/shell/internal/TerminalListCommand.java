package org.huijian.shell.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.site.Centre;
import org.huijian.site.DetentionCentre;
import org.huijian.site.Position;
import org.huijian.site.SiteService;
import org.huijian.site.Terminal;

@Service
@Command(scope = "huijian", name = "terminal-list", description = "Lists the terminals and where they stand")
public class TerminalListCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Map<Long, String> centres = new HashMap<>();
        Map<Long, String> positions = new HashMap<>();
        for (Centre c : s.centres()) {
            centres.put(c.id(), c.code());
            for (Position p : s.positions(c.id())) {
                positions.put(p.id(), p.code());
            }
        }
        Map<Long, String> dcs = new HashMap<>();
        for (DetentionCentre dc : s.detentionCentres()) {
            dcs.put(dc.id(), dc.code());
        }
        ShellTable table = new ShellTable().emptyTableText("No terminals");
        table.column("Code");
        table.column("Name");
        table.column("Kind");
        table.column("Centre");
        table.column("Position");
        table.column("Detention centre");
        table.column("Enabled");
        for (Terminal t : s.terminals()) {
            table.addRow().addContent(t.code(), t.name(), t.kind(), code(centres, t.centreId()),
                    code(positions, t.positionId()), code(dcs, t.detentionCentreId()), t.enabled() ? "yes" : "no");
        }
        table.print(out());
    }

    private static String code(Map<Long, String> codes, Long id) {
        return id == null ? "" : codes.getOrDefault(id, "#" + id);
    }
}
