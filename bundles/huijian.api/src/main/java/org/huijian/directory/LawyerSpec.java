package org.huijian.directory;

public record LawyerSpec(String name, String licenceNo, Long lawFirmId, String mobile) {
}
