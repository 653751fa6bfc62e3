package org.huijian.shell.internal;

import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.AccountSpec;

@Service
@Command(scope = "huijian", name = "account-add", description = "Creates an account; asks for its password twice unless --password is given")
public class AccountAddCommand extends HuijianCommand {

    @Reference(optional = true)
    private AccountService accounts;

    @Argument(index = 0, name = "username", description = "Sign-in name", required = true)
    private String username;

    @Argument(index = 1, name = "displayName", description = "Name shown to people (quote it if it has spaces)", required = true)
    private String displayName;

    @Option(name = "--role", aliases = "-r", description = "A role of the account; repeat for several", multiValued = true)
    @Completion(RoleCompleter.class)
    private List<String> roles;

    @Option(name = "--lawyer-id", description = "The lawyer this account belongs to (for the lawyer role)")
    private Long lawyerId;

    @Option(name = "--password", description = "The password, for scripts and tests (masked on the console); "
            + "asked twice without echo when left out", censor = true)
    private String password;

    @Override
    protected void run() throws Exception {
        AccountService service = need(accounts, "the account service");
        AccountSpec spec = new AccountSpec(username, displayName, Inputs.roles(roles), lawyerId, null);
        char[] secret = newPassword(password, username);
        try {
            Account account = service.create(actor(), spec, secret);
            out().println("Created account " + account.username() + " (" + Texts.or(Texts.roles(account.roles()), "no roles") + ")");
            if (account.mustChangePassword()) {
                out().println(account.username() + " must change the password at the next sign-in");
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
