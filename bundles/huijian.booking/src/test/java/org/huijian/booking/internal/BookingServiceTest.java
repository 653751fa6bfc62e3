package org.huijian.booking.internal;

import static org.huijian.booking.internal.Fixture.ADMIN;
import static org.huijian.booking.internal.Fixture.APPROVER;
import static org.huijian.booking.internal.Fixture.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.huijian.booking.Availability;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingRefusedException;
import org.huijian.booking.BookingRequest;
import org.huijian.booking.BookingStatus;
import org.huijian.booking.Unavailability;
import org.huijian.booking.WaitlistEntry;
import org.huijian.booking.WaitlistRequest;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.directory.Case;
import org.huijian.directory.CaseSpec;
import org.huijian.directory.CaseStage;
import org.huijian.directory.Detainee;
import org.huijian.directory.DetaineeSpec;
import org.huijian.directory.Gender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Booking on the real services and a real Derby database. */
class BookingServiceTest {
    @TempDir
    Path dir;
    Fixture f;
    List<Long> lettersA;
    List<Long> lettersB;

    @BeforeEach
    void open() throws Exception {
        f = new Fixture(dir);
        lettersA = f.letters(f.a);
        lettersB = f.letters(f.b);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String refused(Callable<?> call) {
        return assertThrows(BookingRefusedException.class, call::call).rule();
    }

    @Test
    void aLawyerBooksAPositionAndATerminalAndTheSlotFillsUp() {
        Booking b = f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersA));
        assertEquals(BookingStatus.PENDING_APPROVAL, b.status());
        assertEquals(TUESDAY.atTime(9, 30), b.start());
        assertEquals(TUESDAY.atTime(10, 30), b.end());
        assertTrue(b.reference().startsWith("YY20261201-"), b.reference());
        Availability after = f.bookings.availability(f.centre.id(), f.dc.id(), TUESDAY);
        assertTrue(after.bookable());
        assertEquals(1, after.slots().get(0).freePositions());
        assertEquals(0, after.slots().get(0).freeTerminals(), "the detention centre has one detainee terminal");
        assertEquals(1, after.slots().get(1).freeTerminals());
        assertEquals("no-detainee-terminal",
                refused(() -> f.bookings.request(f.b, f.request(f.detainee2, f.case2, TUESDAY, 9, 30, 1, lettersB))),
                "a free position is not enough: the detainee side is full");
        assertEquals("booking.request", f.audit.latest("booking", 1).get(0).action());
        assertTrue(f.audit.verify().intact());
    }

    @Test
    void aNewBookingIsStoredAsItWasAnswered() {
        Booking b = f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersA));
        assertEquals(String.format("YY20261201-%06d", b.id()), b.reference());
        assertEquals(b, f.bookings.booking(f.a, b.id()), "what the database holds is what the lawyer was told");
        var history = f.bookings.history(f.a, b.id());
        assertEquals(1, history.size());
        assertEquals(null, history.get(0).from());
        assertEquals(BookingStatus.PENDING_APPROVAL, history.get(0).to());
        assertEquals(f.a.username(), history.get(0).actor());
        assertEquals(BookingStatus.APPROVED, f.bookings.approve(APPROVER, b.id(), null).status());
        assertEquals(b.reference(), f.bookings.booking(f.a, b.id()).reference());
    }

    @Test
    void positionsRunOutToo() throws Exception {
        f.site.createTerminal(ADMIN, new org.huijian.site.TerminalSpec("D02", "在押分机02",
                org.huijian.site.TerminalKind.DETAINEE, null, f.dc.id(), null));
        f.site.createTerminal(ADMIN, new org.huijian.site.TerminalSpec("D03", "在押分机03",
                org.huijian.site.TerminalKind.DETAINEE, null, f.dc.id(), null));
        Detainee d3 = f.directory.createDetainee(ADMIN, new DetaineeSpec(f.dc.id(), "YK-003", "王五", Gender.MALE,
                java.time.LocalDate.of(1990, 1, 1), null));
        Case c3 = f.directory.createCase(ADMIN, new CaseSpec("X-3", d3.id(), "盗窃罪", CaseStage.TRIAL, null, false, false));
        long lawyerC = f.register("周敏", "44010619900101001", "14401201510000003", "zhou.min");
        f.qualifications.verify(APPROVER, lawyerC, null);
        var c = new org.huijian.core.Actor("zhou.min", java.util.Set.of(org.huijian.core.Role.LAWYER), "test");
        f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 14, 0, 1, lettersA));
        f.bookings.request(f.b, f.request(f.detainee2, f.case2, TUESDAY, 14, 0, 1, lettersB));
        assertEquals("slot-taken", refused(() -> f.bookings.request(c, f.request(d3, c3, TUESDAY, 14, 0, 1, f.letters(c)))));
        // Said from memory before the detainee is looked up (in a rush, one read per lawyer saved): a detainee that
        // does not exist would otherwise be a 404.
        BookingRequest r = f.request(d3, c3, TUESDAY, 14, 0, 1, f.letters(c));
        assertEquals("slot-taken", refused(() -> f.bookings.request(c, new BookingRequest(null, d3.id() + 1000,
                r.caseId(), r.centreId(), r.date(), r.start(), r.slots(), r.documentIds()))));
    }

    @Test
    void noLawyerInTwoPlacesAndNoDetaineeInTwoMeetings() {
        f.site.createTerminal(ADMIN, new org.huijian.site.TerminalSpec("D02", "在押分机02",
                org.huijian.site.TerminalKind.DETAINEE, null, f.dc.id(), null));
        f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 14, 0, 2, lettersA));
        assertEquals("lawyer-busy",
                refused(() -> f.bookings.request(f.a, f.request(f.detainee2, f.case2, TUESDAY, 15, 0, 1, lettersA))));
        f.account("chen.second", f.lawyerB);
        assertEquals("detainee-busy", refused(() -> f.bookings.request(f.b,
                f.request(f.detainee1, f.case1, TUESDAY, 15, 0, 1, lettersB))));
    }

    @Test
    void aSiteThatHoldsFirstMeetingsInPersonAsksForAMeetingHeldBefore() {
        Policy d = Policy.defaults();
        Policy inPerson = new Policy(d.zone(), d.slotMinutes(), d.maxSlots(), d.windowStartDays(), d.windowDays(),
                d.releaseTime(), d.cancelCutoffHours(), d.lateReleaseMinutes(), d.dailyLimit(), d.noShowLimit(),
                d.noShowPeriodDays(), d.suspensionDays(), d.autoApprove(), false, d.interpreterRemote(),
                d.approvalRequiredCharges(), d.waitlistOfferMinutes(), d.reminderHours(), d.maxDocumentBytes(),
                d.queueCapacity());
        DefaultBookingService strict = new DefaultBookingService(f.unit, f.site, f.directory, f.accounts, inPerson,
                f.clock, false);
        try {
            assertEquals("first-meeting-in-person", refused(() -> strict.request(f.a,
                    f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersA))));
            // A meeting in the case held (booked while the site allowed a first one remotely): the next one may be.
            Booking held = f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersA));
            f.bookings.approve(APPROVER, held.id(), null);
            f.clock.set(TUESDAY.atTime(9, 30));
            f.bookings.checkIn(ADMIN, held.id());
            assertEquals(BookingStatus.COMPLETED, f.bookings.complete(ADMIN, held.id()).status());
            assertEquals("first-meeting-in-person", refused(() -> strict.request(f.b,
                    f.request(f.detainee2, f.case2, TUESDAY.plusDays(1), 9, 30, 1, lettersB))),
                    "another lawyer's first meeting in another case");
            assertEquals(BookingStatus.PENDING_APPROVAL, strict.request(f.a,
                    f.request(f.detainee1, f.case1, TUESDAY.plusDays(1), 9, 30, 1, null)).status());
        } finally {
            strict.deactivate();
        }
    }

    @Test
    void theDailyLimitIsPerLawyerAndDay() {
        f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersA));
        f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 14, 0, 1, null));
        assertEquals("daily-limit",
                refused(() -> f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 15, 0, 1, null))));
        f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY.plusDays(1), 9, 30, 1, null));
    }

    @Test
    void aCentreThatDoesNotExistIsNotFound() {
        long unknown = f.centre.id() + 1000;
        BookingRequest r = f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersA);
        NotFoundException e = assertThrows(NotFoundException.class, () -> f.bookings.request(f.a,
                new BookingRequest(null, r.detaineeId(), r.caseId(), unknown, r.date(), r.start(), r.slots(),
                        r.documentIds())));
        assertTrue(e.getMessage().contains("centre"), e.getMessage());
        assertEquals(0, f.bookings.bookingsOf(f.a, f.lawyerA, TUESDAY, TUESDAY).size(), "nothing written");
    }

    @Test
    void staffBookingForALawyerThatDoesNotExistIsNotFound() {
        long unknown = Math.max(f.lawyerA, f.lawyerB) + 1000;
        BookingRequest r = f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, null);
        NotFoundException e = assertThrows(NotFoundException.class, () -> f.bookings.request(ADMIN,
                new BookingRequest(unknown, r.detaineeId(), r.caseId(), r.centreId(), r.date(), r.start(), r.slots(),
                        r.documentIds())));
        assertTrue(e.getMessage().contains("lawyer"), e.getMessage());
        assertEquals(1, f.bookings.availability(f.centre.id(), f.dc.id(), TUESDAY).slots().get(0).freeTerminals(),
                "nothing held");
    }

    @Test
    void lettersOrAnAuthorisationOnFileAreNeeded() {
        assertEquals("not-authorised",
                refused(() -> f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, null))));
        InvalidInputException onlyOne = assertThrows(InvalidInputException.class, () -> f.bookings.request(f.a,
                f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersA.subList(0, 1))));
        assertEquals("documentIds", onlyOne.violations().get(0).field());
        InvalidInputException notMine = assertThrows(InvalidInputException.class, () -> f.bookings.request(f.a,
                f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersB)));
        assertTrue(notMine.getMessage().contains("not yours"), notMine.getMessage());
        assertEquals(0, f.bookings.bookingsOf(f.a, f.lawyerA, TUESDAY, TUESDAY).size(), "nothing written");
    }

    @Test
    void unverifiedAndSuspendedLawyersCannotBook() {
        long lawyerC = f.register("周敏", "44010619900101001", "14401201510000003", "zhou.min");
        var c = new org.huijian.core.Actor("zhou.min", java.util.Set.of(org.huijian.core.Role.LAWYER), "test");
        List<Long> letters = f.letters(c);
        assertEquals("lawyer-not-verified",
                refused(() -> f.bookings.request(c, f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, letters))));
        f.qualifications.suspend(APPROVER, lawyerC, "执业证已注销");
        assertEquals("lawyer-suspended",
                refused(() -> f.bookings.request(c, f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, letters))));
    }

    @Test
    void restrictedCasesAreRefusedWithTheirReason() {
        Case secret = f.directory.createCase(ADMIN, new CaseSpec("穗国安刑立字〔2026〕00017号", f.detainee1.id(),
                "为境外窃取、刺探、收买、非法提供国家秘密、情报罪", CaseStage.INVESTIGATION, "广州市国家安全局", true, false));
        BookingRefusedException e = assertThrows(BookingRefusedException.class, () -> f.bookings.request(f.a,
                f.request(f.detainee1, secret, TUESDAY, 9, 30, 1, lettersA)));
        assertEquals("case-needs-approval", e.rule());
        assertTrue(e.getMessage().contains("investigating authority"));
        assertThrows(InvalidInputException.class, () -> f.bookings.request(f.a,
                f.request(f.detainee2, f.case1, TUESDAY, 9, 30, 1, lettersA)), "the case is not the detainee's");
    }

    @Test
    void theWindowAndTheHoursAreChecked() {
        assertEquals("in-the-past", refused(() -> f.bookings.request(f.a,
                f.request(f.detainee1, f.case1, TUESDAY.minusDays(2), 9, 30, 1, lettersA))));
        assertEquals("outside-window", refused(() -> f.bookings.request(f.a,
                f.request(f.detainee1, f.case1, TUESDAY.plusDays(7), 9, 30, 1, lettersA))));
        assertEquals("outside-hours", refused(() -> f.bookings.request(f.a,
                f.request(f.detainee1, f.case1, TUESDAY, 12, 0, 1, lettersA))));
        assertEquals("outside-hours", refused(() -> f.bookings.request(f.a,
                f.request(f.detainee1, f.case1, TUESDAY.plusDays(4), 9, 30, 1, lettersA))), "Saturday");
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> f.bookings.request(f.a,
                f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 3, lettersA)));
        assertEquals("slots", tooLong.violations().get(0).field());
    }

    @Test
    void twoHundredRequestsForTheLastSlotGiveItOnce() throws Exception {
        f.bookings.request(f.b, f.request(f.detainee2, f.case2, TUESDAY, 9, 30, 1, lettersB));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(pool.submit(() -> {
                try {
                    return f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 10, 30, 1, lettersA));
                } catch (BookingRefusedException e) {
                    return e.rule();
                }
            }));
        }
        int booked = 0;
        List<Object> refusals = new ArrayList<>();
        for (Future<Object> r : results) {
            Object o = r.get();
            if (o instanceof Booking) {
                booked++;
            } else {
                refusals.add(o);
            }
        }
        pool.shutdown();
        assertEquals(1, booked);
        assertEquals(199, refusals.size());
        assertTrue(refusals.stream().allMatch(r -> r.equals("no-detainee-terminal") || r.equals("lawyer-busy")
                || r.equals("detainee-busy")), refusals.toString());
        Long holds = f.unit.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM HJ_BOOKING_HOLD").getSingleResult()).longValue());
        assertEquals(8, holds, "two bookings, four quarter-hours each, one terminal each");
    }

    @Test
    void approveRejectCancelAndTheHistory() {
        Booking b = f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY.plusDays(2), 9, 30, 1, lettersA));
        assertThrows(org.huijian.core.AccessDeniedException.class, () -> f.bookings.approve(f.a, b.id(), null));
        Booking approved = f.bookings.approve(APPROVER, b.id(), "材料齐全");
        assertEquals(BookingStatus.APPROVED, approved.status());
        assertEquals("wrong-status", refused(() -> f.bookings.reject(APPROVER, b.id(), "已审批")));
        Booking cancelled = f.bookings.cancel(f.a, b.id(), "当事人已取保");
        assertEquals(BookingStatus.CANCELLED, cancelled.status());
        assertEquals(List.of(BookingStatus.PENDING_APPROVAL, BookingStatus.APPROVED, BookingStatus.CANCELLED),
                f.bookings.history(f.a, b.id()).stream().map(e -> e.to()).toList());
        assertEquals("approver", f.bookings.history(f.a, b.id()).get(1).actor());
        assertEquals(2, f.bookings.availability(f.centre.id(), f.dc.id(), TUESDAY.plusDays(2)).slots().get(0)
                .freePositions(), "the slot is free again");
        assertThrows(AccessDeniedException.class, () -> f.bookings.booking(f.b, b.id()), "another lawyer's booking");
    }

    @Test
    void lawyersCancelOnlyBeforeTheCutOff() {
        Booking b = f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 14, 0, 1, lettersA));
        f.clock.set(LocalDateTime.of(2026, 11, 30, 14, 30));
        assertEquals("cancel-too-late", refused(() -> f.bookings.cancel(f.a, b.id(), null)));
        assertEquals(BookingStatus.CANCELLED, f.bookings.cancel(APPROVER, b.id(), "中心设备检修").status());
    }

    @Test
    void aFreedSlotIsOfferedToTheFirstLawyerWaiting() throws Exception {
        java.time.LocalDate day = TUESDAY.plusDays(2);
        Booking first = f.bookings.request(f.a, f.request(f.detainee1, f.case1, day, 9, 30, 1, lettersA));
        f.bookings.request(f.a, f.request(f.detainee1, f.case1, day, 10, 30, 1, null));
        f.bookings.request(f.b, f.request(f.detainee2, f.case2, day, 14, 0, 1, lettersB));
        f.bookings.request(f.b, f.request(f.detainee2, f.case2, day, 15, 0, 1, null));
        WaitlistEntry waiting = f.bookings.joinWaitlist(f.b, new WaitlistRequest(f.detainee2.id(), f.case2.id(),
                f.centre.id(), null, day, 1));
        assertEquals(WaitlistEntry.Status.WAITING, waiting.status());
        f.bookings.cancel(f.a, first.id(), "改期");
        // The cancellation offers the freed slot on the service's own thread; this call may race it, and whichever
        // books the slot first marks the entry: wait for that, not for this call.
        f.bookings.offer(f.centre.id(), f.dc.id(), day);
        WaitlistEntry offered = f.bookings.waitlistOf(f.b, f.lawyerB).get(0);
        for (int i = 0; i < 100 && offered.status() == WaitlistEntry.Status.WAITING; i++) {
            Thread.sleep(50);
            offered = f.bookings.waitlistOf(f.b, f.lawyerB).get(0);
        }
        assertEquals(WaitlistEntry.Status.OFFERED, offered.status(), "lawyer B was offered the freed 09:30");
        Booking offer = f.bookings.acceptOffer(f.b, offered.id());
        assertEquals(day.atTime(9, 30), offer.start());
        assertEquals(f.detainee2.id(), offer.detaineeId());
        assertEquals(WaitlistEntry.Status.TAKEN, f.bookings.waitlistOf(f.b, f.lawyerB).get(0).status());
    }

    @Test
    void whenTheDetaineeCannotComeTheBookingMovesOrIsCancelled() {
        Booking b = f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersA));
        List<Booking> moved = f.bookings.detaineeUnavailable(ADMIN, new Unavailability(f.detainee1.id(),
                TUESDAY.atTime(9, 0), TUESDAY.atTime(12, 0), "出庭"));
        assertEquals(1, moved.size());
        assertEquals(TUESDAY.atTime(14, 0), moved.get(0).start(), "moved to the afternoon");
        assertEquals(b.id(), moved.get(0).id());
        List<Booking> cancelled = f.bookings.detaineeUnavailable(ADMIN, new Unavailability(f.detainee1.id(),
                TUESDAY.atTime(0, 0), TUESDAY.atTime(23, 59), "移送外地"));
        assertEquals(BookingStatus.CANCELLED, cancelled.get(0).status());
        assertTrue(cancelled.get(0).statusReason().contains("移送外地"));
        assertEquals("detainee-unavailable", refused(() -> f.bookings.request(f.a,
                f.request(f.detainee1, f.case1, TUESDAY, 15, 0, 1, null))));
    }

    @Test
    void threeNoShowsSuspendOnlineBooking() {
        for (int day = 0; day < 3; day++) {
            Booking b = f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY.plusDays(day), 9, 30, 1,
                    day == 0 ? lettersA : null));
            f.bookings.approve(APPROVER, b.id(), null);
            f.bookings.noShow(ADMIN, b.id(), null);
        }
        BookingRefusedException e = assertThrows(BookingRefusedException.class, () -> f.bookings.request(f.a,
                f.request(f.detainee1, f.case1, TUESDAY.plusDays(3), 9, 30, 1, null)));
        assertEquals("suspended-no-shows", e.rule());
        f.clock.set(LocalDateTime.of(2027, 1, 5, 10, 0));
        assertNotEquals(null, f.bookings.request(f.a, f.request(f.detainee1, f.case1,
                java.time.LocalDate.of(2027, 1, 6), 9, 30, 1, null)), "the suspension ends by itself");
    }

    @Test
    void lateArrivalsBecomeNoShowsAndFreeTheSlot() {
        Booking b = f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY, 9, 30, 1, lettersA));
        f.bookings.approve(APPROVER, b.id(), null);
        f.clock.set(TUESDAY.atTime(9, 36));
        f.bookings.housekeeping();
        assertEquals(BookingStatus.NO_SHOW, f.bookings.booking(ADMIN, b.id()).status());
    }

    @Test
    void rescheduleKeepsTheApproval() {
        Booking b = f.bookings.request(f.a, f.request(f.detainee1, f.case1, TUESDAY.plusDays(1), 9, 30, 1, lettersA));
        f.bookings.approve(APPROVER, b.id(), null);
        Booking moved = f.bookings.reschedule(f.a, b.id(), TUESDAY.plusDays(2), LocalTime.of(14, 0));
        assertEquals(BookingStatus.APPROVED, moved.status());
        assertEquals(TUESDAY.plusDays(2).atTime(14, 0), moved.start());
        assertEquals(1, f.bookings.availability(f.centre.id(), f.dc.id(), TUESDAY.plusDays(1)).slots().get(0)
                .freeTerminals(), "the old slot is free");
        assertEquals(0, f.bookings.availability(f.centre.id(), f.dc.id(), TUESDAY.plusDays(2)).slots().get(2)
                .freeTerminals(), "the new one is held");
    }
}
