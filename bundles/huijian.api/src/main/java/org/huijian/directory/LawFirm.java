package org.huijian.directory;

/**
 * A law firm (律师事务所).
 *
 * @param licenceNo the firm's practice licence number (律师事务所执业许可证号)
 */
public record LawFirm(long id, String name, String licenceNo, String address, String phone) {
}
