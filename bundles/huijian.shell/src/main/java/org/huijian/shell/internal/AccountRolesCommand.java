package org.huijian.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;

@Service
@Command(scope = "huijian", name = "account-roles", description = "Replaces the roles of an account")
public class AccountRolesCommand extends HuijianCommand {

    @Reference(optional = true)
    private AccountService accounts;

    @Argument(index = 0, name = "username", required = true)
    @Completion(UsernameCompleter.class)
    private String username;

    @Argument(index = 1, name = "roles", description = "The new roles: site-admin, approver, supervisor, lawyer, auditor, terminal, integration",
            required = true, multiValued = true)
    @Completion(RoleCompleter.class)
    private List<String> roles;

    @Override
    protected void run() throws Exception {
        Account account = need(accounts, "the account service").setRoles(actor(), username, Inputs.roles(roles));
        out().println("Roles of " + account.username() + ": " + Texts.or(Texts.roles(account.roles()), "none"));
    }
}
