package org.huijian.booking.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** The site's booking policy, read from {@link BookingConfig} (a plain record, so tests can make one). */
public record Policy(ZoneId zone, int slotMinutes, int maxSlots, int windowStartDays, int windowDays,
        LocalTime releaseTime, int cancelCutoffHours, int lateReleaseMinutes, int dailyLimit, int noShowLimit,
        int noShowPeriodDays, int suspensionDays, boolean autoApprove, boolean firstMeetingRemote,
        boolean interpreterRemote, List<String> approvalRequiredCharges, int waitlistOfferMinutes, int reminderHours,
        long maxDocumentBytes, int queueCapacity) {

    public static Policy of(BookingConfig c) {
        if (c.slotMinutes() < 15 || c.slotMinutes() % 15 != 0) {
            throw new IllegalArgumentException("slotMinutes must be a multiple of 15, is " + c.slotMinutes());
        }
        return new Policy(ZoneId.of(c.zone()), c.slotMinutes(), c.maxSlotsPerBooking(), c.windowStartDays(),
                c.windowDays(), LocalTime.parse(c.releaseTime()), c.cancelCutoffHours(), c.lateReleaseMinutes(),
                c.dailyLimitPerLawyer(), c.noShowLimit(), c.noShowPeriodDays(), c.suspensionDays(), c.autoApprove(),
                c.firstMeetingRemote(), c.interpreterRemote(),
                Arrays.stream(c.approvalRequiredCharges().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .toList(),
                c.waitlistOfferMinutes(), c.reminderHours(), c.maxDocumentBytes(), c.queueCapacity());
    }

    /** The defaults of {@link BookingConfig}, for tests and documentation. */
    static Policy defaults() {
        return new Policy(ZoneId.of("Asia/Shanghai"), 60, 2, 1, 7, LocalTime.of(9, 0), 24, 5, 2, 3, 90, 30, false, true,
                false, List.of("危害国家安全", "恐怖活动", "间谍", "为境外窃取"), 30, 24, 10_485_760L, 10_000);
    }

    Policy withAutoApprove(boolean on) {
        return new Policy(zone, slotMinutes, maxSlots, windowStartDays, windowDays, releaseTime, cancelCutoffHours,
                lateReleaseMinutes, dailyLimit, noShowLimit, noShowPeriodDays, suspensionDays, on, firstMeetingRemote,
                interpreterRemote, approvalRequiredCharges, waitlistOfferMinutes, reminderHours, maxDocumentBytes,
                queueCapacity);
    }
}
