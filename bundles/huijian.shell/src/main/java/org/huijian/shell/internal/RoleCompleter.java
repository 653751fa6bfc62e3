package org.huijian.shell.internal;

import java.util.Arrays;
import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.huijian.core.Role;

/** Completes role ids ({@code site-admin}, {@code auditor}, ...). */
@Service
public class RoleCompleter implements Completer {
    private final StringsCompleter delegate = new StringsCompleter(Arrays.stream(Role.values()).map(Role::id).toList(), false);

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return delegate.complete(session, commandLine, candidates);
    }
}
