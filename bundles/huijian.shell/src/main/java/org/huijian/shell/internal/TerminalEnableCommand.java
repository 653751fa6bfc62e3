package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "huijian", name = "terminal-enable", description = "Lets a terminal sign in and take part in meetings again")
public class TerminalEnableCommand extends TerminalSwitchCommand {
    @Override
    boolean enabled() {
        return true;
    }
}
