package org.huijian.store;

import java.util.List;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.huijian.audit.AuditEntry;

/**
 * A feature bundle's data: its persistence unit on the site database, its schema brought up to date when it is
 * made. A bundle's own component extends it, naming its unit, e.g.
 * {@code @Reference(target = "(osgi.unit.name=huijian-booking)") EntityManagerFactory}.
 */
public abstract class ModuleData {
    private final Store store;
    private final EntityManagerFactory emf;

    /** Migrates {@code module}'s schema with the scripts {@code db/<module>/NNN.sql} of the subclass's bundle. */
    protected ModuleData(Store store, EntityManagerFactory emf, String module) {
        this.store = store;
        this.emf = emf;
        store.migrate(module, getClass().getClassLoader());
    }

    public Store store() {
        return store;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    public <T> T read(Function<EntityManager, T> work) {
        return store.read(emf, work);
    }

    /** A change not worth an audit event, without waiting for the audit log's lock. */
    public <T> T transact(Function<EntityManager, T> work) {
        return store.transact(emf, work);
    }

    /** A change and its audit event ({@code null} for none), in one transaction. */
    public <T> T write(Function<EntityManager, T> work, Function<T, AuditEntry> audit) {
        return store.write(emf, work, audit);
    }

    /** A change and its audit events, in order, in one transaction. */
    public <T> T writeAll(Function<EntityManager, T> work, Function<T, List<AuditEntry>> audits) {
        return store.writeAll(emf, work, audits);
    }
}
