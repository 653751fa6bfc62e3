package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.huijian.core.NotFoundException;
import org.huijian.site.Centre;
import org.huijian.site.Position;
import org.huijian.site.SiteService;

/** {@code position-enable} and {@code position-disable}. */
abstract class PositionSwitchCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "centreCode", required = true)
    @Completion(CentreCodeCompleter.class)
    private String centreCode;

    @Argument(index = 1, name = "positionCode", required = true)
    @Completion(PositionCodeCompleter.class)
    private String positionCode;

    abstract boolean enabled();

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Centre centre = centre(s, centreCode);
        Position position = s.positions(centre.id()).stream()
                .filter(p -> p.code().equals(positionCode))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("position", centre.code() + "/" + positionCode));
        s.setPositionEnabled(actor(), position.id(), enabled());
        out().println((enabled() ? "Enabled" : "Disabled") + " position " + position.code() + " of centre " + centre.code());
    }
}
