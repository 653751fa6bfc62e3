package org.huijian.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What a lawyer asks for. A lawyer's own requests leave {@code lawyerId} empty (it is theirs); staff
 * booking for a lawyer name them.
 *
 * @param slots how many consecutive slots (1 or up to the site's maximum)
 * @param documentIds the authorisation letter (委托书) and the law firm's letter (律所公函), uploaded
 *        before; needed unless the lawyer's authorisation for this case is already on file
 */
public record BookingRequest(Long lawyerId, Long detaineeId, Long caseId, Long centreId, LocalDate date,
        LocalTime start, Integer slots, List<Long> documentIds) {
}
