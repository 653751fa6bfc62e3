package org.huijian.accounts;

import java.time.Instant;

/**
 * The outcome of a sign-in attempt. Unknown user names and wrong passwords give the same outcome.
 *
 * @param account the account, only when {@code outcome} is {@link Outcome#OK}
 * @param lockedUntil when a temporary lock ends, for {@link Outcome#LOCKED}
 */
public record Authentication(Outcome outcome, Account account, Instant lockedUntil) {

    public enum Outcome {
        OK, BAD_CREDENTIALS, LOCKED, DISABLED
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
