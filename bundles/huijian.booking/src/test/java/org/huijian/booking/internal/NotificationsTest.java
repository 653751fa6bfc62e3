package org.huijian.booking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.huijian.notify.Notification;
import org.huijian.notify.Notifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications wait while bookings are being decided, and not for longer than their limit. */
class NotificationsTest {
    @TempDir
    Path dir;

    private final List<Notifier.Recipient> delivered = new CopyOnWriteArrayList<>();
    private final List<Notification> notes = new CopyOnWriteArrayList<>();
    private final Notifier recorder = new Notifier() {
        @Override
        public String channel() {
            return "test";
        }

        @Override
        public void deliver(Notification n, Recipient to) {
            notes.add(n);
            delivered.add(to);
        }
    };

    @Test
    void waitsWhileBookingsAreDecidedThenWritesAndSends() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            AtomicBoolean busy = new AtomicBoolean(true);
            AtomicInteger asked = new AtomicInteger();
            AtomicInteger written = new AtomicInteger();
            try (Notifications n = new Notifications(f.accounts, f.directory, () -> List.of(recorder), f.clock,
                    () -> {
                        asked.incrementAndGet();
                        return busy.get();
                    })) {
                n.lawyer(f.lawyerA, "booking.approved", "预约已通过：YY1", () -> {
                    written.incrementAndGet();
                    return "会见中心 A";
                });
                // the sender has looked three times, found bookings being decided each time, and waited on
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (asked.get() < 3 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertTrue(asked.get() >= 3, "the sender asks whether bookings are being decided");
                assertEquals(0, written.get(), "the text is not written while bookings are being decided");
                assertTrue(notes.isEmpty());
                busy.set(false);
                n.flush();
                assertEquals(1, written.get());
                assertEquals(1, notes.size());
                assertEquals("会见中心 A", notes.get(0).body());
                assertEquals("chen.zhiyuan", delivered.get(0).username());
            }
        }
    }

    @Test
    void aRushThatDoesNotEndDelaysNotificationsByTwoSecondsAtMost() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            try (Notifications n = new Notifications(f.accounts, f.directory, () -> List.of(recorder), f.clock,
                    () -> true)) {
                long t0 = System.nanoTime();
                n.lawyer(f.lawyerA, "booking.approved", "预约已通过：YY2", () -> "text");
                n.flush();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(1, notes.size(), "sent once the deferral ran out");
                assertTrue(ms >= Notifications.MAX_DEFER_NANOS / 1_000_000 - 50, "waited " + ms + " ms");
                assertTrue(ms < Notifications.MAX_DEFER_NANOS / 1_000_000 + 5_000, "waited " + ms + " ms");
            }
        }
    }
}
