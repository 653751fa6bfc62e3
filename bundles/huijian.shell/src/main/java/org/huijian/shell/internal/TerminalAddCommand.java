package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.site.Centre;
import org.huijian.site.SiteService;
import org.huijian.site.Terminal;
import org.huijian.site.TerminalSpec;

@Service
@Command(scope = "huijian", name = "terminal-add", description = "Registers a terminal",
        detailedDescription = "A LAWYER terminal stands at a position of a centre (--centre and --position), a DETAINEE "
                + "terminal in a detention centre (--dc), a CONSOLE at a centre (--centre) or a detention centre (--dc).")
public class TerminalAddCommand extends HuijianCommand {

    @Reference(optional = true)
    private SiteService site;

    @Argument(index = 0, name = "code", description = "Unique terminal code", required = true)
    private String code;

    @Argument(index = 1, name = "name", description = "Name shown to people (quote it if it has spaces)", required = true)
    private String name;

    @Option(name = "--kind", aliases = "-k", description = "LAWYER, DETAINEE or CONSOLE", required = true)
    @Completion(TerminalKindCompleter.class)
    private String kind;

    @Option(name = "--centre", aliases = "-c", description = "Centre code (LAWYER, CONSOLE)")
    @Completion(CentreCodeCompleter.class)
    private String centreCode;

    @Option(name = "--dc", aliases = "-d", description = "Detention centre code (DETAINEE, CONSOLE)")
    @Completion(DetentionCentreCodeCompleter.class)
    private String dcCode;

    @Option(name = "--position", aliases = "-p", description = "Position code in the --centre (LAWYER)")
    @Completion(PositionCodeCompleter.class)
    private String positionCode;

    @Override
    protected void run() throws Exception {
        SiteService s = need(site, "the site service");
        Centre centre = centreCode == null ? null : centre(s, centreCode);
        Long dcId = dcCode == null ? null : detentionCentre(s, dcCode).id();
        Long positionId = null;
        if (positionCode != null) {
            if (centre == null) {
                throw new InvalidInputException("position", "needs --centre: position codes are unique within a centre");
            }
            positionId = s.positions(centre.id()).stream()
                    .filter(p -> p.code().equals(positionCode))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("position", centre.code() + "/" + positionCode))
                    .id();
        }
        TerminalSpec spec = new TerminalSpec(code, name, Inputs.terminalKind(kind),
                centre == null ? null : centre.id(), dcId, positionId);
        Terminal terminal = s.createTerminal(actor(), spec);
        out().println("Registered " + terminal.kind() + " terminal " + terminal.code() + " (id " + terminal.id() + ")");
    }
}
