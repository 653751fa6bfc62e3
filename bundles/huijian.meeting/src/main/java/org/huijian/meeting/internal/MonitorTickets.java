package org.huijian.meeting.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.huijian.core.Actor;
import org.huijian.core.BusyException;
import org.huijian.core.Role;
import org.osgi.service.component.annotations.Component;

/**
 * One-time tickets that let a signed-in supervisor's console page open the signalling WebSocket as a watcher. The
 * page asks for one over REST (its session and CSRF token prove the person), then says {@code hello} with it on
 * the socket within {@link #LIFETIME}; a ticket works once. Tickets live in memory only: a restart simply makes
 * the console ask again.
 */
@Component(service = MonitorTickets.class)
public class MonitorTickets {
    static final String PREFIX = "hjm_";
    static final Duration LIFETIME = Duration.ofSeconds(60);
    static final int MAX_OUTSTANDING = 1000;

    /** A ticket handed out. */
    public record Ticket(String ticket, Instant expiresAt) {
    }

    private record Issued(Actor actor, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> outstanding = new ConcurrentHashMap<>();
    private final Clock clock;

    public MonitorTickets() {
        this(Clock.systemUTC());
    }

    MonitorTickets(Clock clock) {
        this.clock = clock;
    }

    /** A new ticket for a supervisor or site administrator. */
    public Ticket issue(Actor actor) {
        actor.require(Role.SUPERVISOR, Role.SITE_ADMIN);
        Instant now = clock.instant();
        outstanding.values().removeIf(i -> !i.expiresAt().isAfter(now));
        if (outstanding.size() >= MAX_OUTSTANDING) {
            throw new BusyException("too many console sign-ins at once; try again in a minute");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(LIFETIME);
        outstanding.put(ticket, new Issued(actor, expires));
        return new Ticket(ticket, expires);
    }

    /** The person a ticket was issued to, once, if it has not expired. */
    Optional<Actor> redeem(String ticket) {
        Issued i = ticket == null ? null : outstanding.remove(ticket);
        return i == null || !i.expiresAt().isAfter(clock.instant()) ? Optional.empty() : Optional.of(i.actor());
    }
}
