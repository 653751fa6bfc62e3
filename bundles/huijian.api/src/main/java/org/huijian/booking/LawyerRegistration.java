package org.huijian.booking;

/**
 * A lawyer's self-registration in the portal.
 *
 * @param idCardNo the 18-character resident identity card number (checksum verified)
 * @param licenceNo the 17-digit practice licence number (执业证号)
 * @param email where notifications go by e-mail, or {@code null}
 * @param licencePhotoDocumentId a LICENCE_PHOTO uploaded first (uploads before registration are allowed
 *        anonymously up to a small size), or {@code null}
 */
public record LawyerRegistration(String name, String idCardNo, String licenceNo, Long lawFirmId, String mobile,
        String username, String password, String email, Long licencePhotoDocumentId) {
}
