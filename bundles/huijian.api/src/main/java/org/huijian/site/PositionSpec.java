package org.huijian.site;

/** What an administrator enters to create a position. */
public record PositionSpec(Long centreId, String code, String name) {
}
