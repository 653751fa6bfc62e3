package org.huijian.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(20_000);

    @Test
    void verifiesItsOwnHashesAndNothingElse() {
        String hash = hasher.hash("Correct-Horse-9".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$20000$"));
        assertTrue(hasher.verify("Correct-Horse-9".toCharArray(), hash));
        assertFalse(hasher.verify("Correct-Horse-8".toCharArray(), hash));
        assertFalse(hasher.verify("Correct-Horse-9".toCharArray(), "plain"));
        assertFalse(hasher.verify("Correct-Horse-9".toCharArray(), "pbkdf2-sha256$x$y$z"));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void knowsOutdatedHashes() {
        String weak = new PasswordHasher(10_000).hash("pw".toCharArray());
        assertTrue(hasher.outdated(weak));
        assertFalse(hasher.outdated(hasher.hash("pw".toCharArray())));
        assertTrue(hasher.verify("pw".toCharArray(), weak), "old hashes still verify");
    }

    @Test
    void refusesAWeakWorkFactor() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1000));
    }
}
