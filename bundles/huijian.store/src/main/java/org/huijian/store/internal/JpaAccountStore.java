package org.huijian.store.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.persistence.EntityManager;
import org.huijian.accounts.spi.AccountRecord;
import org.huijian.accounts.spi.AccountStore;
import org.huijian.audit.AuditEntry;
import org.huijian.core.ConflictException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.store.internal.entity.AccountEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Accounts in the site database. {@link #find} is asked on every signed-in request (is the account still enabled,
 * which roles has it now), so what it reads is kept: a change made through this store is seen at once (each write
 * moves {@code generation} on, and a read that overlapped a write is not kept). On a database that other servers
 * may share, a read is kept for {@link #FRESH_NANOS}, so their changes are seen within that time; on embedded Derby,
 * which only this JVM opens, every change comes through this store and a read is kept for {@link #SOLE_FRESH_NANOS}
 * (in a release rush each lawyer's requests then cost one read, not one every two seconds).
 */
@Component(service = AccountStore.class)
public class JpaAccountStore implements AccountStore {
    static final long FRESH_NANOS = 2_000_000_000L;
    static final long SOLE_FRESH_NANOS = 300_000_000_000L;

    private record Read(Optional<AccountRecord> record, long at) {
    }

    private final Database db;
    private final Map<String, Read> recent = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long freshNanos;

    @Activate
    public JpaAccountStore(@Reference Database db) {
        this.db = db;
        this.freshNanos = db.soleWriter() ? SOLE_FRESH_NANOS : FRESH_NANOS;
    }

    /** How long a read is kept. */
    long freshNanos() {
        return freshNanos;
    }

    @Override
    public List<AccountRecord> list() {
        return db.read(em -> em.createNamedQuery("Account.all", AccountEntity.class).getResultList().stream()
                .map(AccountEntity::toRecord).toList());
    }

    @Override
    public Optional<AccountRecord> find(String username) {
        long now = System.nanoTime();
        Read kept = recent.get(username);
        if (kept != null && now - kept.at() < freshNanos) {
            return kept.record();
        }
        long before = generation.get();
        Optional<AccountRecord> read = db.read(em -> byUsername(em, username).map(AccountEntity::toRecord));
        if (generation.get() == before) {
            if (recent.size() > 10_000) {
                recent.clear();
            }
            recent.put(username, new Read(read, now));
            if (generation.get() != before) { // a write came between the check and the put
                recent.remove(username);
            }
        }
        return read;
    }

    @Override
    public List<AccountRecord> findByLawyer(long lawyerId) {
        return db.read(em -> em.createNamedQuery("Account.byLawyer", AccountEntity.class).setParameter("lawyerId", lawyerId)
                .getResultList().stream().map(AccountEntity::toRecord).toList());
    }

    @Override
    public AccountRecord insert(AccountRecord record, AuditEntry audit) {
        try {
            return insertNow(record, audit);
        } finally {
            changed(record.username());
        }
    }

    private AccountRecord insertNow(AccountRecord record, AuditEntry audit) {
        return db.write(em -> {
            if (byUsername(em, record.username()).isPresent()) {
                throw new ConflictException("username", "an account named " + record.username() + " already exists");
            }
            AccountEntity entity = new AccountEntity(record);
            em.persist(entity);
            em.flush();
            return entity.toRecord();
        }, r -> audit);
    }

    @Override
    public AccountRecord update(String username, UnaryOperator<AccountRecord> change, AuditEntry audit) {
        try {
            return db.write(em -> {
                AccountEntity entity = byUsername(em, username)
                        .orElseThrow(() -> new NotFoundException("account", username));
                entity.update(change.apply(entity.toRecord()));
                return entity.toRecord();
            }, r -> audit);
        } finally {
            changed(username);
        }
    }

    /** After a write (committed or not): reads from before it are neither used nor kept. */
    private void changed(String username) {
        generation.incrementAndGet();
        recent.remove(username);
    }

    @Override
    public long countWithRole(Role role) {
        return db.read(em -> (long) em.createNamedQuery("Account.withRole", AccountEntity.class)
                .setParameter("pattern", "%," + role.id() + ",%").getResultList().size());
    }

    private static Optional<AccountEntity> byUsername(EntityManager em, String username) {
        return em.createNamedQuery("Account.byUsername", AccountEntity.class).setParameter("username", username)
                .getResultList().stream().findFirst();
    }
}
