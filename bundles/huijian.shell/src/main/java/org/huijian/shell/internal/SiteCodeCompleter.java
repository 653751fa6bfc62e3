package org.huijian.shell.internal;

import java.util.List;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.huijian.site.SiteService;

/** Completes the codes of one kind of site thing; subclasses say which. */
abstract class SiteCodeCompleter implements Completer {

    @Reference(optional = true)
    private SiteService site;

    abstract Stream<String> codes(SiteService site);

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (site != null) {
            codes(site).forEach(delegate.getStrings()::add);
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
