package org.huijian.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.huijian.accounts.AccountService;

/** Completes account user names. */
@Service
public class UsernameCompleter implements Completer {

    @Reference(optional = true)
    private AccountService accounts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (accounts != null) {
            accounts.accounts().forEach(a -> delegate.getStrings().add(a.username()));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
