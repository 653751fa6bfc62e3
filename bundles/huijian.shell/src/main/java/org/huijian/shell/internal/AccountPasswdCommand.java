package org.huijian.shell.internal;

import java.util.Arrays;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.accounts.AccountService;

@Service
@Command(scope = "huijian", name = "account-passwd", description = "Sets a new password, which the owner must change at the next sign-in",
        detailedDescription = "Asks for the new password twice without echo, unless --password is given.")
public class AccountPasswdCommand extends HuijianCommand {

    @Reference(optional = true)
    private AccountService accounts;

    @Argument(index = 0, name = "username", required = true)
    @Completion(UsernameCompleter.class)
    private String username;

    @Option(name = "--password", description = "The password, for scripts and tests (masked on the console); "
            + "asked twice without echo when left out", censor = true)
    private String password;

    @Override
    protected void run() throws Exception {
        AccountService service = need(accounts, "the account service");
        service.account(username); // fail on an unknown name before asking for a password
        char[] secret = newPassword(password, username);
        try {
            service.resetPassword(actor(), username, secret);
            out().println("Password of " + username + " reset; it must be changed at the next sign-in");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
