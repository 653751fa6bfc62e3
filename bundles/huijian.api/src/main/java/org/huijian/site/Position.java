package org.huijian.site;

/** A lawyer-side meeting place (机位) in a centre, with one lawyer terminal. */
public record Position(long id, long centreId, String code, String name, boolean enabled) {
}
