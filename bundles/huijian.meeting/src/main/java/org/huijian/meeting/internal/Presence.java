package org.huijian.meeting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.huijian.devices.TerminalIdentity;
import org.osgi.service.component.annotations.Component;

/**
 * Which terminals and consoles have their signalling connection up now, and since when: what the admin console's
 * terminal list shows as online / offline. A terminal with two connections (a page reopened before the old one
 * closed) is online until the last one closes.
 */
@Component(service = Presence.class)
public class Presence {

    /** A terminal that is connected. */
    public record Online(long terminalId, String code, Instant since, int connections) {
    }

    private final Map<Long, Online> online = new ConcurrentHashMap<>();
    private final Clock clock;

    public Presence() {
        this(Clock.systemUTC());
    }

    Presence(Clock clock) {
        this.clock = clock;
    }

    void up(TerminalIdentity t) {
        online.merge(t.terminalId(), new Online(t.terminalId(), t.code(), clock.instant(), 1),
                (was, now) -> new Online(was.terminalId(), was.code(), was.since(), was.connections() + 1));
    }

    /** One connection of the terminal closed; whether it is now offline. */
    boolean down(TerminalIdentity t) {
        Online after = online.computeIfPresent(t.terminalId(), (id, was) -> was.connections() <= 1 ? null
                : new Online(id, was.code(), was.since(), was.connections() - 1));
        return after == null;
    }

    /** The terminals online now, by id. */
    public List<Online> list() {
        return online.values().stream().sorted(Comparator.comparingLong(Online::terminalId)).toList();
    }
}
