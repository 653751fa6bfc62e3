package org.huijian.site;

/** What an administrator enters to create or change a centre. */
public record CentreSpec(String code, String name, String address, String phone) {
}
