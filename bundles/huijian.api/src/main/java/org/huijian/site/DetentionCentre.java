package org.huijian.site;

/** A detention centre (看守所), where detainees and their terminals are. */
public record DetentionCentre(long id, String code, String name, String address, String phone) {
}
