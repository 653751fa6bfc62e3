package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.audit.AuditLog;
import org.huijian.audit.ChainVerification;

@Service
@Command(scope = "huijian", name = "audit-verify", description = "Checks every seal and link of the audit chain; fails when it is broken")
public class AuditVerifyCommand extends HuijianCommand {

    @Reference(optional = true)
    private AuditLog audit;

    @Override
    protected void run() throws Exception {
        ChainVerification v = need(audit, "the audit log").verify();
        ShellTable table = new ShellTable().noHeaders();
        table.column("Item");
        table.column("Value");
        table.addRow().addContent("Audit chain", v.intact() ? "intact" : "BROKEN");
        table.addRow().addContent("Events checked", v.checked());
        if (!v.intact()) {
            table.addRow().addContent("First broken event", v.firstBrokenSeq() == null ? "" : "#" + v.firstBrokenSeq());
            table.addRow().addContent("Problem", Texts.or(v.problem(), ""));
        }
        table.addRow().addContent("Head hash", Texts.or(v.headHash(), ""));
        table.print(out());
        if (!v.intact()) {
            throw fail("the audit chain is broken at event #" + v.firstBrokenSeq() + ": " + Texts.or(v.problem(), "no detail"));
        }
    }
}
