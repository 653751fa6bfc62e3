package org.huijian.store;

import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.huijian.audit.AuditEntry;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The site database for feature bundles. A feature keeps its entities in a persistence unit of its own on
 * the {@code huijian} DataSource and its schema in scripts {@code db/<module>/001.sql, 002.sql, ...};
 * {@link #write} runs its changes in a transaction that also seals the audit event, so a change and its
 * audit record are committed together or not at all.
 */
@ProviderType
public interface Store {

    /**
     * Applies the module's schema scripts that are not applied yet (portable SQL, one transaction each, kept
     * in {@code HJ_SCHEMA_VERSION_<MODULE>}); returns the schema version now in place.
     *
     * @param module lower-case letters, e.g. {@code booking}
     * @param scripts the class loader that sees {@code db/<module>/NNN.sql} (the feature bundle's own)
     */
    int migrate(String module, ClassLoader scripts);

    /**
     * Runs {@code work} in a transaction of {@code unit} that records nothing in the audit chain and so does not
     * wait for other audited writes: for data that is not a privileged action (e.g. a stored notification).
     */
    <T> T transact(EntityManagerFactory unit, Function<EntityManager, T> work);

    /** Runs {@code work} outside a transaction. */
    <T> T read(EntityManagerFactory unit, Function<EntityManager, T> work);

    /**
     * Runs {@code work} in a transaction of {@code unit} and seals the audit entry made from its result in
     * the same transaction ({@code audit} may return null when nothing changed). Audited writes of the
     * whole site are serialised. A unique-constraint violation becomes a
     * {@link org.huijian.core.ConflictException}.
     */
    <T> T write(EntityManagerFactory unit, Function<EntityManager, T> work, Function<T, AuditEntry> audit);

    /**
     * As {@link #write}, for work that makes several changes at once (e.g. a batch of bookings committed
     * together): each entry is sealed into the chain, in order, in the same transaction.
     */
    <T> T writeAll(EntityManagerFactory unit, Function<EntityManager, T> work,
            Function<T, java.util.List<AuditEntry>> audits);
}
