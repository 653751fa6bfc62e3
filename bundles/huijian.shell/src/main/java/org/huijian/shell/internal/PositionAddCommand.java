package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.Centre;
import org.huijian.site.Position;
import org.huijian.site.PositionSpec;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "position-add", description = "Creates a position (机位) in a centre")
public class PositionAddCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "centreCode", required = true)
    @Completion(CentreCodeCompleter.class)
    private String centreCode;

    @Argument(index = 1, name = "code", description = "Position code, unique in the centre", required = true)
    private String code;

    @Argument(index = 2, name = "name", description = "Name shown to people (quote it if it has spaces)", required = true)
    private String name;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Centre centre = centre(s, centreCode);
        Position position = s.createPosition(actor(), new PositionSpec(centre.id(), code, name));
        out().println("Created position " + position.code() + " in centre " + centre.code() + " (id " + position.id() + ")");
    }
}
