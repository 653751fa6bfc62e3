package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.site.DetentionCentre;
import org.huijian.site.DetentionCentreSpec;
import org.huijian.site.SiteService;

@Service
@Command(scope = "huijian", name = "dc-add", description = "Creates a detention centre")
public class DetentionCentreAddCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "code", description = "Short unique code, e.g. GZ-KSS1", required = true)
    private String code;

    @Argument(index = 1, name = "name", description = "Full name (quote it if it has spaces)", required = true)
    private String name;

    @Option(name = "--address", aliases = "-a", description = "Postal address")
    private String address;

    @Option(name = "--phone", aliases = "-p", description = "Telephone number")
    private String phone;

    @Override
    protected void run() throws Exception {
        DetentionCentre dc = need(site, "the site service")
                .createDetentionCentre(actor(), new DetentionCentreSpec(code, name, address, phone));
        out().println("Created detention centre " + dc.code() + " (id " + dc.id() + ")");
    }
}
