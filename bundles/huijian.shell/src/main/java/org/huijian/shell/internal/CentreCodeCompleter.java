package org.huijian.shell.internal;

import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.SiteService;

/** Completes centre codes. */
@Service
public class CentreCodeCompleter extends SiteCodeCompleter {
    @Override
    Stream<String> codes(SiteService site) {
        return site.centres().stream().map(c -> c.code());
    }
}
