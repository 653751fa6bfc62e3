package org.huijian.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Delivers notifications: every registered notifier gets every notification and decides whether it can
 * deliver it (an e-mail notifier needs an address, an SMS gateway a mobile number). Must not block for long;
 * delivery failures are the notifier's to retry or report, never the caller's.
 */
@ConsumerType
public interface Notifier {

    /** A short name, e.g. {@code portal}, {@code email}, {@code sms}. */
    String channel();

    void deliver(Notification notification, Recipient recipient);

    /** Where the account's owner can be reached. Fields may be {@code null}. */
    record Recipient(String username, String displayName, String email, String mobile) {
    }
}
