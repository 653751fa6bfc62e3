package org.huijian.booking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.huijian.booking.BookingRefusedException;
import org.huijian.booking.Qualification;
import org.huijian.booking.QualificationStatus;
import org.huijian.booking.Unavailability;
import org.huijian.directory.Case;
import org.huijian.directory.CaseStage;
import org.huijian.site.TimeRange;
import org.junit.jupiter.api.Test;

/** Every rule on its own, with its refusal and reason; the calendar; ID card numbers; content sniffing. */
class PureRulesTest {
    final Policy policy = Policy.defaults();
    final Rules rules = new Rules(policy);
    static final List<TimeRange> HOURS = List.of(new TimeRange(LocalTime.of(9, 30), LocalTime.of(11, 30)),
            new TimeRange(LocalTime.of(14, 0), LocalTime.of(16, 30)));
    static final LocalDateTime MONDAY_10 = LocalDateTime.of(2026, 11, 30, 10, 0);

    private static String rule(Runnable r) {
        return assertThrows(BookingRefusedException.class, r::run).rule();
    }

    @Test
    void slotsFollowTheOpeningPeriods() {
        List<LocalDateTime[]> slots = rules.calendar().slots(LocalDate.of(2026, 12, 1), HOURS);
        assertEquals(4, slots.size(), "09:30, 10:30, 14:00, 15:00 (16:00–16:30 is shorter than a slot)");
        assertEquals(LocalTime.of(15, 0), slots.get(3)[0].toLocalTime());
        assertEquals(LocalTime.of(16, 0), slots.get(3)[1].toLocalTime());
    }

    @Test
    void theWindowRunsFromTomorrowToSevenDaysAheadAndOpensAtTheReleaseTime() {
        rules.window(LocalDate.of(2026, 12, 1), MONDAY_10);
        rules.window(LocalDate.of(2026, 12, 7), MONDAY_10);
        assertEquals("in-the-past", rule(() -> rules.window(LocalDate.of(2026, 11, 29), MONDAY_10)));
        assertEquals("outside-window", rule(() -> rules.window(LocalDate.of(2026, 11, 30), MONDAY_10)),
                "not today");
        assertEquals("outside-window", rule(() -> rules.window(LocalDate.of(2026, 12, 8), MONDAY_10)));
        BookingRefusedException early = assertThrows(BookingRefusedException.class,
                () -> rules.window(LocalDate.of(2026, 12, 7), LocalDateTime.of(2026, 11, 30, 8, 59)));
        assertEquals("not-released-yet", early.rule());
        assertTrue(early.getMessage().contains("2026-11-30T09:00"), early.getMessage());
    }

    @Test
    void bookingsStayInsideOneOpeningPeriodOnTheSlotGrid() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        assertEquals(day.atTime(11, 30), rules.hours(day.atTime(9, 30), 2, HOURS));
        assertEquals("outside-hours", rule(() -> rules.hours(day.atTime(10, 30), 2, HOURS)), "would run past 11:30");
        assertEquals("outside-hours", rule(() -> rules.hours(day.atTime(10, 0), 1, HOURS)), "off the slot grid");
        assertEquals("outside-hours", rule(() -> rules.hours(day.atTime(12, 0), 1, HOURS)), "lunch");
        assertEquals("outside-hours", rule(() -> rules.hours(day.atTime(16, 0), 1, HOURS)), "too short at the end");
        assertEquals("outside-hours", rule(() -> rules.hours(day.atTime(9, 30), 1, List.of())), "closed day");
    }

    @Test
    void onlyVerifiedLawyersBook() {
        Instant now = Instant.parse("2026-11-30T02:00:00Z");
        assertEquals("lawyer-not-verified", rule(() -> rules.qualified(null, now)));
        assertEquals("lawyer-not-verified", rule(() -> rules.qualified(
                new Qualification(1, QualificationStatus.PENDING, "new", "x", now, null), now)));
        assertEquals("lawyer-suspended", rule(() -> rules.qualified(
                new Qualification(1, QualificationStatus.SUSPENDED, "licence revoked", "x", now, null), now)));
        assertEquals("suspended-no-shows", rule(() -> rules.qualified(new Qualification(1,
                QualificationStatus.SUSPENDED, "3 no-shows", "x", now, now.plusSeconds(3600)), now)));
        rules.qualified(new Qualification(1, QualificationStatus.SUSPENDED, "3 no-shows", "x", now,
                now.minusSeconds(1)), now);
        rules.qualified(new Qualification(1, QualificationStatus.VERIFIED, "ok", "x", now, null), now);
    }

    @Test
    void casesThatNeedApprovalOrAnInterpreterAreNotRemote() {
        Case flagged = new Case(1, "X1", 1, "诈骗罪", CaseStage.INVESTIGATION, "x", true, false);
        assertEquals("case-needs-approval", rule(() -> rules.caseAllowsRemote(flagged)));
        Case byCharge = new Case(1, "X2", 1, "帮助恐怖活动罪", CaseStage.INVESTIGATION, "x", false, false);
        assertEquals("case-needs-approval", rule(() -> rules.caseAllowsRemote(byCharge)));
        rules.caseAllowsRemote(new Case(1, "X3", 1, "帮助恐怖活动罪", CaseStage.TRIAL, "x", false, false));
        Case interpreter = new Case(1, "X4", 1, "盗窃罪", CaseStage.TRIAL, "x", false, true);
        assertEquals("interpreter-needed", rule(() -> rules.caseAllowsRemote(interpreter)));
        Rules lenient = new Rules(new Policy(policy.zone(), 60, 2, 1, 7, LocalTime.of(9, 0), 24, 5, 2, 3, 90, 30,
                false, false, true, List.of(), 30, 24, 1000, 10));
        lenient.caseAllowsRemote(interpreter);
        assertEquals("first-meeting-in-person", rule(() -> lenient.firstMeeting(false)));
        lenient.firstMeeting(true);
        rules.firstMeeting(false);
    }

    @Test
    void authorisationLettersAreNeeded() {
        assertEquals("not-authorised", rule(() -> rules.authorised(null, false)));
        assertEquals("not-authorised", rule(() -> rules.authorised("REJECTED", false)));
        rules.authorised(null, true);
        rules.authorised("PENDING", false);
        rules.authorised("ACCEPTED", false);
        rules.authorised("REJECTED", true);
    }

    @Test
    void dailyLimitAndDetaineeAvailability() {
        rules.dailyLimit(1);
        assertEquals("daily-limit", rule(() -> rules.dailyLimit(2)));
        rules.detaineeAvailable(List.of());
        BookingRefusedException e = assertThrows(BookingRefusedException.class, () -> rules.detaineeAvailable(List.of(
                new Unavailability(1, MONDAY_10, MONDAY_10.plusHours(3), "开庭"))));
        assertEquals("detainee-unavailable", e.rule());
        assertTrue(e.getMessage().contains("开庭"));
    }

    @Test
    void ticksCoverTheBookingOnAFifteenMinuteGrid() {
        assertEquals(4, Calendar.ticks(MONDAY_10, MONDAY_10.plusHours(1)).size());
        assertEquals(List.of(LocalDateTime.of(2026, 11, 30, 9, 30), LocalDateTime.of(2026, 11, 30, 9, 45)),
                Calendar.ticks(LocalDateTime.of(2026, 11, 30, 9, 40), LocalDateTime.of(2026, 11, 30, 10, 0)),
                "an off-grid start holds the whole quarter");
    }

    @Test
    void idCardNumbersAreChecked() {
        String valid = "11010519491231002" + IdCard.checkCharacter("11010519491231002");
        assertEquals('X', IdCard.checkCharacter("11010519491231002"), "the standard's own example");
        LocalDate today = LocalDate.of(2026, 11, 30);
        assertNull(IdCard.problem(valid, today));
        assertNull(IdCard.problem(valid.toLowerCase(), today));
        assertTrue(IdCard.problem("110105194912310021", today).contains("check character"));
        assertTrue(IdCard.problem("11010519491331002X", today).contains("birth date"));
        assertTrue(IdCard.problem("1101051949123100", today).contains("18 characters"));
        String child = "44010620150101001";
        assertTrue(IdCard.problem(child + IdCard.checkCharacter(child), today).contains("impossible birth date"));
    }

    @Test
    void contentIsSniffedNotNamed() {
        assertEquals("application/pdf", Sniffer.mediaType("%PDF-1.7\n...\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        assertNull(Sniffer.mediaType("%PDF-1.7\n truncated".getBytes(StandardCharsets.US_ASCII)), "no %%EOF");
        assertNull(Sniffer.mediaType("<html>not a pdf</html>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("image/jpeg", Sniffer.mediaType(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00 }));
        assertEquals("image/png", Sniffer.mediaType(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }));
        assertNull(Sniffer.mediaType(new byte[0]));
    }
}
