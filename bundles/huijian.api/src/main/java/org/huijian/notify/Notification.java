package org.huijian.notify;

import java.time.Instant;

/**
 * A message to an account's owner.
 *
 * @param username the account it is for
 * @param topic a stable kind, e.g. {@code booking.approved}
 * @param subject one line; body a few lines of plain text (zh-CN)
 */
public record Notification(String username, String topic, String subject, String body, Instant at) {
}
