package org.huijian.booking;

import java.time.LocalDate;

/** What a lawyer gives to wait for a slot on a day. */
public record WaitlistRequest(Long detaineeId, Long caseId, Long centreId, Long detentionCentreId, LocalDate date,
        Integer slots) {
}
