package org.huijian.shell.internal;

import java.util.Arrays;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.accounts.AccountService;

@Service
@Command(scope = "huijian", name = "account-passwd", description = "Sets a new password (asked twice); the owner must change it at the next sign-in")
public class AccountPasswdCommand extends HuijianCommand {

    @Reference(optional = true)
    private AccountService accounts;

    @Argument(index = 0, name = "username", required = true)
    @Completion(UsernameCompleter.class)
    private String username;

    @Override
    protected void run() throws Exception {
        AccountService service = need(accounts, "the account service");
        service.account(username); // fail on an unknown name before asking for a password
        char[] password = readNewPassword(username);
        try {
            service.resetPassword(actor(), username, password);
            out().println("Password of " + username + " reset; it must be changed at the next sign-in");
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
