package org.huijian.site;

/** What an administrator enters to register a terminal; see {@link Terminal} for which place applies. */
public record TerminalSpec(String code, String name, TerminalKind kind, Long centreId, Long detentionCentreId,
        Long positionId) {
}
