package org.huijian.site;

/** What an administrator enters to create or change a detention centre. */
public record DetentionCentreSpec(String code, String name, String address, String phone) {
}
