package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "huijian", name = "position-disable", description = "Takes a position out of service; it can no longer be booked")
public class PositionDisableCommand extends PositionSwitchCommand {
    @Override
    boolean enabled() {
        return false;
    }
}
