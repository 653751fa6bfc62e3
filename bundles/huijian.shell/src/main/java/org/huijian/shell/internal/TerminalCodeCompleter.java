package org.huijian.shell.internal;

import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.SiteService;

/** Completes terminal codes. */
@Service
public class TerminalCodeCompleter extends SiteCodeCompleter {
    @Override
    Stream<String> codes(SiteService site) {
        return site.terminals().stream().map(t -> t.code());
    }
}
