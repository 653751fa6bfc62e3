package org.huijian.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.accounts.AccountService;

@Service
@Command(scope = "huijian", name = "account-lock", description = "Disables an account until it is unlocked")
public class AccountLockCommand extends HuijianCommand {

    @Reference(optional = true)
    private AccountService accounts;

    @Argument(index = 0, name = "username", required = true)
    @Completion(UsernameCompleter.class)
    private String username;

    @Argument(index = 1, name = "reason", description = "Why; recorded in the audit log", required = true, multiValued = true)
    private List<String> reason;

    @Override
    protected void run() throws Exception {
        need(accounts, "the account service").lock(actor(), username, String.join(" ", reason));
        out().println("Locked account " + username);
    }
}
