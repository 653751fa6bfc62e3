package org.huijian.web.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions, a service of their own so that they outlive the REST application, which is rebuilt
 * whenever a feature's resources come or go. Server-side sessions, found by a random 256-bit token sent as an HttpOnly cookie. Each session has its
 * own CSRF token. Sessions end after an idle time, after a maximum age, at sign-out, or when the store is
 * full (the oldest goes first).
 */
@org.osgi.service.component.annotations.Component(service = Sessions.class, configurationPid = WebConfig.PID,
        immediate = true)
public final class Sessions {
    static final String COOKIE = "HJSESSION";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Session(String id, String username, String csrfToken, Instant created, Instant lastSeen) {
        Session touched(Instant now) {
            return new Session(id, username, csrfToken, created, now);
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Duration maxAge;
    private final int max;
    private final Clock clock;

    @org.osgi.service.component.annotations.Activate
    public Sessions(WebConfig config) {
        this(Duration.ofMinutes(config.sessionIdleMinutes()), Duration.ofHours(config.sessionMaxHours()),
                config.maxSessions(), Clock.systemUTC());
    }

    Sessions(Duration idle, Duration maxAge, int max, Clock clock) {
        this.idle = idle;
        this.maxAge = maxAge;
        this.max = max;
        this.clock = clock;
    }

    public Session open(String username) {
        Instant now = clock.instant();
        if (sessions.size() >= max) {
            expire(now);
            while (sessions.size() >= max) {
                sessions.values().stream().min(Comparator.comparing(Session::lastSeen))
                        .ifPresent(oldest -> sessions.remove(oldest.id()));
            }
        }
        Session s = new Session(token(), username, token(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, touched; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (s.lastSeen().plus(idle).isBefore(now) || s.created().plus(maxAge).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = s.touched(now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user, e.g. after a password change, except {@code keep}. */
    public void closeAll(String username, String keep) {
        sessions.values().removeIf(s -> s.username().equals(username) && !s.id().equals(keep));
    }

    int size() {
        return sessions.size();
    }

    private void expire(Instant now) {
        sessions.values().removeIf(s -> s.lastSeen().plus(idle).isBefore(now) || s.created().plus(maxAge).isBefore(now));
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
