package org.huijian.shell.internal;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.accounts.AccountService;
import org.huijian.audit.AuditEvent;
import org.huijian.audit.AuditLog;
import org.huijian.core.Capability;
import org.huijian.site.SiteService;
import org.osgi.framework.BundleContext;

@Service
@Command(scope = "huijian", name = "status", description = "Shows the version, installed capabilities, counts and the audit chain head")
public class StatusCommand extends HuijianCommand {

    @Reference
    private BundleContext bundleContext;

    @Reference
    private List<Capability> capabilities;

    @Reference(optional = true)
    private SiteService site;

    @Reference(optional = true)
    private AccountService accounts;

    @Reference(optional = true)
    private AuditLog audit;

    @Override
    protected void run() {
        ShellTable table = new ShellTable().noHeaders();
        table.column("Item");
        table.column("Value");
        table.addRow().addContent("Version", bundleContext.getBundle().getVersion());
        table.addRow().addContent("Capabilities", capabilities.isEmpty() ? "none" : capabilities.stream()
                .sorted(Comparator.comparing(Capability::id))
                .map(c -> c.id() + " " + c.version())
                .collect(Collectors.joining(", ")));
        if (site != null) {
            table.addRow().addContent("Centres", site.centres().size());
            table.addRow().addContent("Detention centres", site.detentionCentres().size());
            table.addRow().addContent("Positions", site.centres().stream().mapToInt(c -> site.positions(c.id()).size()).sum());
            table.addRow().addContent("Terminals", site.terminals().size());
        } else {
            table.addRow().addContent("Site", "not available");
        }
        table.addRow().addContent("Accounts", accounts != null ? accounts.accounts().size() : "not available");
        if (audit != null) {
            List<AuditEvent> head = audit.latest(null, 1);
            table.addRow().addContent("Audit chain head", head.isEmpty() ? "empty"
                    : "#" + head.get(0).seq() + " " + head.get(0).hash());
        } else {
            table.addRow().addContent("Audit chain head", "not available");
        }
        table.print(out());
    }
}
