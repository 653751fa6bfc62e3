package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "huijian", name = "terminal-disable", description = "Takes a terminal out of service")
public class TerminalDisableCommand extends TerminalSwitchCommand {
    @Override
    boolean enabled() {
        return false;
    }
}
