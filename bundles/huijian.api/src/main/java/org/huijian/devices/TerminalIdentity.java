package org.huijian.devices;

import org.huijian.site.TerminalKind;

/**
 * A signed-in terminal: what it is and where it stands. A lawyer terminal has its centre and position, a detainee
 * terminal its detention centre.
 */
public record TerminalIdentity(long terminalId, String code, String name, TerminalKind kind, Long centreId,
        Long detentionCentreId, Long positionId) {
}
