package org.huijian.directory;

public record LawFirmSpec(String name, String licenceNo, String address, String phone) {
}
