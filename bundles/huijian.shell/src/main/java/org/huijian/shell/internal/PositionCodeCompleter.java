package org.huijian.shell.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.huijian.site.Centre;
import org.huijian.site.SiteService;

/**
 * Completes position codes: those of the centre named earlier on the command line (the first word
 * that is a centre code), else those of every centre.
 */
@Service
public class PositionCodeCompleter implements Completer {

    @Reference(optional = true)
    private SiteService site;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (site != null) {
            String[] args = commandLine.getArguments();
            int before = Math.max(0, Math.min(commandLine.getCursorArgumentIndex(), args.length));
            List<String> words = Arrays.asList(args).subList(0, before);
            Optional<Centre> named = words.stream().map(site::centreByCode).flatMap(Optional::stream).findFirst();
            List<Centre> centres = named.map(List::of).orElseGet(site::centres);
            for (Centre centre : centres) {
                site.positions(centre.id()).forEach(p -> delegate.getStrings().add(p.code()));
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
