package org.huijian.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "huijian", name = "position-enable", description = "Makes a position bookable again")
public class PositionEnableCommand extends PositionSwitchCommand {
    @Override
    boolean enabled() {
        return true;
    }
}
