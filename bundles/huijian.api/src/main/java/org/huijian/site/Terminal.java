package org.huijian.site;

/**
 * A kiosk device. Where it stands depends on its kind: a {@link TerminalKind#LAWYER} terminal at a
 * position (and so a centre), a {@link TerminalKind#DETAINEE} terminal in a detention centre, a
 * {@link TerminalKind#CONSOLE} at either. Fields that do not apply are {@code null}.
 */
public record Terminal(long id, String code, String name, TerminalKind kind, Long centreId,
        Long detentionCentreId, Long positionId, boolean enabled) {
}
