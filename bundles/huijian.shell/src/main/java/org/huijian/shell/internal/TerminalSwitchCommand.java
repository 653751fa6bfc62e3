package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.huijian.site.SiteService;
import org.huijian.site.Terminal;

/** {@code terminal-enable} and {@code terminal-disable}. */
abstract class TerminalSwitchCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "code", description = "Terminal code", required = true)
    @Completion(TerminalCodeCompleter.class)
    private String code;

    abstract boolean enabled();

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Terminal terminal = terminal(s, code);
        s.setTerminalEnabled(actor(), terminal.id(), enabled());
        out().println((enabled() ? "Enabled" : "Disabled") + " terminal " + terminal.code());
    }
}
