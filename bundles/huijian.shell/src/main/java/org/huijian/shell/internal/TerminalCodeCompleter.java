package org.huijian.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.huijian.site.SiteService;

/** Completes terminal codes. */
@Service
public class TerminalCodeCompleter implements Completer {

    @Reference(optional = true)
    private SiteService site;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (site != null) {
            site.terminals().forEach(t -> delegate.getStrings().add(t.code()));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
