package org.huijian.web.internal;

import org.huijian.store.internal.HandClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {
    final HandClock clock = new HandClock(Instant.parse("2026-12-01T01:00:00Z"), ZoneOffset.UTC);
    final Sessions sessions = new Sessions(Duration.ofMinutes(30), Duration.ofHours(12), 3, clock);

    @Test
    void tokensAreLongRandomAndDistinct() {
        Sessions.Session a = sessions.open("a");
        Sessions.Session b = sessions.open("a");
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.id(), a.csrfToken());
        assertEquals(43, a.id().length(), "256 bits, base64url");
    }

    @Test
    void idleSessionsEndAndActiveOnesStay() {
        Sessions.Session s = sessions.open("a");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent(), "each request resets the idle time");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(sessions.find(s.id()).isEmpty());
    }

    @Test
    void sessionsEndAfterTheirMaximumAge() {
        Sessions.Session s = sessions.open("a");
        for (int i = 0; i < 25; i++) {
            clock.advance(Duration.ofMinutes(29));
            sessions.find(s.id());
        }
        assertTrue(sessions.find(s.id()).isEmpty(), "12 hours is the limit however active");
    }

    @Test
    void theStoreIsBoundedAndDropsTheLeastRecentlyUsed() {
        Sessions.Session first = sessions.open("a");
        clock.advance(Duration.ofSeconds(1));
        Sessions.Session second = sessions.open("b");
        clock.advance(Duration.ofSeconds(1));
        sessions.open("c");
        clock.advance(Duration.ofSeconds(1));
        sessions.find(first.id());
        sessions.open("d");
        assertEquals(3, sessions.size());
        assertTrue(sessions.find(first.id()).isPresent());
        assertTrue(sessions.find(second.id()).isEmpty());
    }

    @Test
    void closeAllKeepsOnlyTheGivenSession() {
        Sessions.Session keep = sessions.open("a");
        Sessions.Session other = sessions.open("a");
        Sessions.Session someoneElse = sessions.open("b");
        sessions.closeAll("a", keep.id());
        assertTrue(sessions.find(keep.id()).isPresent());
        assertTrue(sessions.find(other.id()).isEmpty());
        assertTrue(sessions.find(someoneElse.id()).isPresent());
    }

}
