package org.huijian.booking.internal;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;
import org.huijian.directory.DirectoryService;
import org.huijian.notify.Notification;
import org.huijian.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells a lawyer (every account of theirs) through every registered notifier; never fails the caller. */
final class Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final AccountService accounts;
    private final DirectoryService directory;
    private final Supplier<List<Notifier>> notifiers;
    private final Clock clock;

    Notifications(AccountService accounts, DirectoryService directory, Supplier<List<Notifier>> notifiers, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.notifiers = notifiers;
        this.clock = clock;
    }

    void lawyer(long lawyerId, String topic, String subject, String body) {
        try {
            String mobile = directory.lawyer(lawyerId).mobile();
            for (Account a : accounts.accounts()) {
                if (a.lawyerId() != null && a.lawyerId() == lawyerId && !a.disabled()) {
                    send(a, mobile, topic, subject, body);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not notify lawyer {} of {}: {}", lawyerId, topic, e.toString());
        }
    }

    private void send(Account a, String mobile, String topic, String subject, String body) {
        Notification n = new Notification(a.username(), topic, subject, body, clock.instant());
        Notifier.Recipient to = new Notifier.Recipient(a.username(), a.displayName(), a.email(), mobile);
        for (Notifier notifier : notifiers.get()) {
            try {
                notifier.deliver(n, to);
            } catch (RuntimeException e) {
                LOG.warn("Notifier {} failed for {}: {}", notifier.channel(), a.username(), e.toString());
            }
        }
    }
}
