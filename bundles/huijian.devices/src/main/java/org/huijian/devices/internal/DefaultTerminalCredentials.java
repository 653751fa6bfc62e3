package org.huijian.devices.internal;

import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.huijian.audit.AuditEntry;
import org.huijian.core.Actor;
import org.huijian.core.ConflictException;
import org.huijian.core.NotFoundException;
import org.huijian.devices.IssuedCredential;
import org.huijian.devices.TerminalCredential;
import org.huijian.devices.TerminalCredentials;
import org.huijian.devices.TerminalIdentity;
import org.huijian.devices.internal.entity.CredentialEntity;
import org.huijian.site.SiteService;
import org.huijian.site.Terminal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Terminal credentials kept as SHA-256 hashes of 256-bit random secrets (a secret that random needs no slow hash:
 * nobody can guess one, and the hash makes a stolen database useless for signing in).
 */
@Component(service = TerminalCredentials.class)
public class DefaultTerminalCredentials implements TerminalCredentials {
    /** Every secret starts so, which tells a terminal secret from a password at a glance (and in leak scanners). */
    static final String PREFIX = "hjt_";
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = PREFIX.length() + 43;
    /** Sign-ins closer together than this do not rewrite "last used". */
    private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    private final DevicesUnit unit;
    private final SiteService site;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public DefaultTerminalCredentials(@Reference DevicesUnit unit, @Reference SiteService site) {
        this(unit, site, Clock.systemUTC());
    }

    DefaultTerminalCredentials(DevicesUnit unit, SiteService site, Clock clock) {
        this.unit = unit;
        this.site = site;
        this.clock = clock;
    }

    @Override
    public IssuedCredential issue(Actor actor, long terminalId) {
        actor.require(SITE_ADMIN);
        Terminal t = site.terminal(terminalId);
        byte[] raw = new byte[SECRET_BYTES];
        random.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        List<Instant> replaced = new ArrayList<>();
        unit.write(em -> {
            for (CredentialEntity old : em.createNamedQuery("Credential.inForce", CredentialEntity.class)
                    .setParameter("terminalId", terminalId).getResultList()) {
                old.revoke(now, actor.username());
                replaced.add(old.issuedAt());
            }
            em.persist(new CredentialEntity(terminalId, hash(secret), now, actor.username()));
            return t;
        }, x -> new AuditEntry(actor, "terminal.credential.issue", "terminal:" + t.code(),
                replaced.isEmpty() ? "first credential" : "replaces the credential issued " + replaced.get(0)));
        return new IssuedCredential(t.id(), t.code(), secret, now);
    }

    @Override
    public TerminalCredential revoke(Actor actor, long terminalId) {
        actor.require(SITE_ADMIN);
        Terminal t = site.terminal(terminalId);
        Instant now = clock.instant();
        CredentialEntity revoked = unit.write(em -> {
            List<CredentialEntity> inForce = em.createNamedQuery("Credential.inForce", CredentialEntity.class)
                    .setParameter("terminalId", terminalId).getResultList();
            if (inForce.isEmpty()) {
                throw new ConflictException(null, "terminal " + t.code() + " has no credential in force");
            }
            inForce.forEach(c -> c.revoke(now, actor.username()));
            return inForce.get(0);
        }, c -> new AuditEntry(actor, "terminal.credential.revoke", "terminal:" + t.code(),
                "credential issued " + c.issuedAt() + " by " + c.issuedBy()));
        return view(revoked, t.code());
    }

    @Override
    public Optional<TerminalIdentity> authenticate(String secret) {
        if (secret == null || secret.length() != SECRET_LENGTH || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Optional<CredentialEntity> found = unit.read(em -> em.createNamedQuery("Credential.bySecret",
                CredentialEntity.class).setParameter("hash", hash).getResultList().stream().findFirst());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Terminal t;
        try {
            t = site.terminal(found.get().terminalId());
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        if (!t.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant last = found.get().lastUsedAt();
        if (last == null || last.plus(USE_GRANULARITY).isBefore(now)) {
            long id = found.get().getId();
            unit.transact(em -> {
                em.find(CredentialEntity.class, id).used(now);
                return null;
            });
        }
        return Optional.of(new TerminalIdentity(t.id(), t.code(), t.name(), t.kind(), t.centreId(),
                t.detentionCentreId(), t.positionId()));
    }

    @Override
    public List<TerminalCredential> credentials(Actor actor) {
        actor.require(SITE_ADMIN, SUPERVISOR);
        List<CredentialEntity> all = unit.read(em -> em.createNamedQuery("Credential.all", CredentialEntity.class)
                .getResultList());
        Set<Long> seen = new HashSet<>();
        List<TerminalCredential> out = new ArrayList<>();
        for (CredentialEntity c : all) {
            if (seen.add(c.terminalId())) { // the newest of each terminal
                String code;
                try {
                    code = site.terminal(c.terminalId()).code();
                } catch (NotFoundException gone) {
                    code = "#" + c.terminalId();
                }
                out.add(view(c, code));
            }
        }
        return out;
    }

    private static TerminalCredential view(CredentialEntity c, String code) {
        return new TerminalCredential(c.terminalId(), code, c.issuedAt(), c.issuedBy(), c.revokedAt(), c.revokedBy(),
                c.lastUsedAt());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
