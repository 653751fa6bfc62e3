package org.huijian.shell.internal;

import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.SiteService;

/** Completes detention centre codes. */
@Service
public class DetentionCentreCodeCompleter extends SiteCodeCompleter {
    @Override
    Stream<String> codes(SiteService site) {
        return site.detentionCentres().stream().map(d -> d.code());
    }
}
