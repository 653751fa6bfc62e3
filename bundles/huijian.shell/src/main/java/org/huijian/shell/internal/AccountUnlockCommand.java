package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.accounts.AccountService;

@Service
@Command(scope = "huijian", name = "account-unlock", description = "Clears an administrator's lock and any lock from failed sign-ins")
public class AccountUnlockCommand extends HuijianCommand {

    @Reference(optional = true)
    private AccountService accounts;

    @Argument(index = 0, name = "username", required = true)
    @Completion(UsernameCompleter.class)
    private String username;

    @Override
    protected void run() throws Exception {
        need(accounts, "the account service").unlock(actor(), username);
        out().println("Unlocked account " + username);
    }
}
