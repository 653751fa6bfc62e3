package org.huijian.directory;

/**
 * A practising lawyer (律师).
 *
 * @param licenceNo the 17-digit practice licence number (执业证号)
 */
public record Lawyer(long id, String name, String licenceNo, long lawFirmId, String mobile) {
}
