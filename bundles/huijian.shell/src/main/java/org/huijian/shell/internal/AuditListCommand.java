package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.audit.AuditEvent;
import org.huijian.audit.AuditLog;
import org.huijian.core.InvalidInputException;

@Service
@Command(scope = "huijian", name = "audit-list", description = "Lists the newest audit events, newest first")
public class AuditListCommand extends HuijianCommand {

    @Reference(optional = true)
    private AuditLog audit;

    @Option(name = "--action", aliases = "-a", description = "Only actions starting with this, e.g. account. or login.failed")
    private String action;

    @Option(name = "-n", aliases = "--limit", description = "How many events, 1 to 1000")
    private int limit = 50;

    @Override
    protected void run() throws Exception {
        AuditLog log = need(audit, "the audit log");
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be between 1 and 1000");
        }
        ShellTable table = new ShellTable().emptyTableText("No audit events");
        table.column("Seq").alignRight();
        table.column("At");
        table.column("Actor");
        table.column("Origin");
        table.column("Action");
        table.column("Target");
        table.column("Detail").maxSize(60);
        for (AuditEvent e : log.latest(action, limit)) {
            table.addRow().addContent(e.seq(), Texts.instant(e.at()), e.actor(), e.origin(), e.action(), e.target(), e.detail());
        }
        table.print(out());
    }
}
