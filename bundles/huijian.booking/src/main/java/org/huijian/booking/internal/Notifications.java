package org.huijian.booking.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;
import org.huijian.directory.DirectoryService;
import org.huijian.notify.Notification;
import org.huijian.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a lawyer (every account of theirs) through every registered notifier, on a thread of its own with a
 * bounded queue, so a request never waits for the inbox, the mail server or an SMS gateway; never fails the
 * caller. A full queue drops the notification and says so in the log.
 * <p>
 * While bookings are being decided ({@code busy}, the allocator's queue not yet quiet) a notification waits, up to
 * {@link #MAX_DEFER_NANOS} after it was queued: in a release rush the lawyers who got a slot already have the answer
 * in their response, and the inbox writes, the lawyer lookups and the text would otherwise take processor time and
 * log flushes from the requests still being answered.
 */
final class Notifications implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final AccountService accounts;
    private final DirectoryService directory;
    private final Supplier<List<Notifier>> notifiers;
    private final Clock clock;
    private final java.util.function.BooleanSupplier busy;
    static final long MAX_DEFER_NANOS = 2_000_000_000L;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "huijian-booking-notify");
                t.setDaemon(true);
                return t;
            }, (task, pool) -> LOG.warn("Notification queue full (10000 waiting): a notification was dropped"));

    Notifications(AccountService accounts, DirectoryService directory, Supplier<List<Notifier>> notifiers, Clock clock,
            java.util.function.BooleanSupplier busy) {
        this.busy = busy;
        this.accounts = accounts;
        this.directory = directory;
        this.notifiers = notifiers;
        this.clock = clock;
    }

    /** Queues a notification; {@code body} is written on the sending thread, after any wait. */
    void lawyer(long lawyerId, String topic, String subject, Supplier<String> body) {
        java.time.Instant at = clock.instant();
        long queued = System.nanoTime();
        sender.execute(() -> {
            while (busy.getAsBoolean() && System.nanoTime() - queued < MAX_DEFER_NANOS) {
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            }
            try {
                String text = body.get();
                String mobile = directory.lawyer(lawyerId).mobile();
                for (Account a : accounts.accountsOf(lawyerId)) {
                    if (!a.disabled()) {
                        send(a, mobile, new Notification(a.username(), topic, subject, text, at));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not notify lawyer {} of {}: {}", lawyerId, topic, e.toString());
            }
        });
    }

    /** Waits until everything queued so far was handed to the notifiers (for tests). */
    void flush() throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        sender.execute(done::countDown);
        done.await(30, TimeUnit.SECONDS);
    }

    private void send(Account a, String mobile, Notification n) {
        Notifier.Recipient to = new Notifier.Recipient(a.username(), a.displayName(), a.email(), mobile);
        for (Notifier notifier : notifiers.get()) {
            try {
                notifier.deliver(n, to);
            } catch (RuntimeException e) {
                LOG.warn("Notifier {} failed for {}: {}", notifier.channel(), a.username(), e.toString());
            }
        }
    }

    /**
     * Sends what is queued, then stops; waits up to 10 s for it, so that no notification is still being written when
     * the persistence unit closes after this component.
     */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Notifications still being sent after 10 s; stopping without them");
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
