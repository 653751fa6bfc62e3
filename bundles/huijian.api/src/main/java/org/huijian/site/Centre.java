package org.huijian.site;

/**
 * A lawyer video meeting centre (律师视频会见中心), usually in a legal-service district.
 *
 * @param code short unique code, e.g. {@code GZ-TH}
 */
public record Centre(long id, String code, String name, String address, String phone) {
}
