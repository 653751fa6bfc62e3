package org.huijian.booking;

import org.huijian.directory.Lawyer;

/**
 * What an approver sees to review a registration: the qualification, the lawyer, the identity card number
 * and the licence photo (a document id, or {@code null}). Personal data: approvers and administrators only.
 */
public record QualificationReview(Qualification qualification, Lawyer lawyer, String idCardNo,
        Long licencePhotoDocumentId) {
}
