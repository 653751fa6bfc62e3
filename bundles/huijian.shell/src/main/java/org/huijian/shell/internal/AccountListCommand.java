package org.huijian.shell.internal;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;

@Service
@Command(scope = "huijian", name = "account-list", description = "Lists the accounts")
public class AccountListCommand extends HuijianCommand {

    @Reference(optional = true)
    private AccountService accounts;

    @Override
    protected void run() throws Exception {
        ShellTable table = new ShellTable().emptyTableText("No accounts");
        table.column("Username");
        table.column("Name");
        table.column("Roles");
        table.column("Lawyer");
        table.column("State");
        table.column("Last sign-in");
        Instant now = Instant.now();
        for (Account a : need(accounts, "the account service").accounts()) {
            table.addRow().addContent(a.username(), a.displayName(), Texts.roles(a.roles()),
                    a.lawyerId() == null ? "" : a.lawyerId(), state(a, now), Texts.instant(a.lastLoginAt()));
        }
        table.print(out());
    }

    static String state(Account a, Instant now) {
        String state;
        if (a.disabled()) {
            state = "locked: " + Texts.or(a.disabledReason(), "no reason given");
        } else if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
            state = "locked until " + Texts.instant(a.lockedUntil());
        } else {
            state = "active";
        }
        return a.mustChangePassword() ? state + ", must change password" : state;
    }
}
