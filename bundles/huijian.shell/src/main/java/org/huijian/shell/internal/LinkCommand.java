package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.Centre;
import org.huijian.site.DetentionCentre;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "link", description = "Lets lawyers at a centre meet detainees of a detention centre")
public class LinkCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "centreCode", required = true)
    @Completion(CentreCodeCompleter.class)
    private String centreCode;

    @Argument(index = 1, name = "dcCode", description = "Detention centre code", required = true)
    @Completion(DetentionCentreCodeCompleter.class)
    private String dcCode;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Centre centre = centre(s, centreCode);
        DetentionCentre dc = detentionCentre(s, dcCode);
        s.link(actor(), centre.id(), dc.id());
        out().println("Linked centre " + centre.code() + " to detention centre " + dc.code());
    }
}
