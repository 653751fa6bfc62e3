package org.huijian.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.PersistenceException;
import javax.sql.DataSource;
import org.huijian.audit.AuditEntry;
import org.huijian.audit.AuditEvent;
import org.huijian.core.ConflictException;
import org.huijian.core.HuijianException;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site database: brings the schema up to date at start, then runs units of work as transactions.
 * Audited work locks the audit chain first, so audited writes are serialised and each is sealed into
 * the chain in the same transaction.
 */
@Component(service = { Database.class, Store.class }, configurationPid = "org.huijian.store")
@Designate(ocd = Database.Config.class)
public class Database implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    @ObjectClassDefinition(name = "Huijian store", description = "Persistence of the site database")
    public @interface Config {
        @AttributeDefinition(name = "Audit key file", description = "File holding the key that seals the audit "
                + "chain; created at first start. Empty: ${karaf.data}/huijian/audit.key. Back it up with the database.")
        String auditKeyFile() default "";

        @AttributeDefinition(name = "Index statistics at", description = "Time of day (HH:mm, this server's time "
                + "zone) at which Derby's index statistics are refreshed; they are also refreshed at start. Derby's "
                + "own refresh, which can come at any moment a table has grown and makes every request compile its "
                + "SQL again, is then off. Empty: Derby refreshes them itself. Other databases keep their own.")
        String indexStatisticsAt() default "03:30";
    }

    private final EntityManagerFactory emf;
    private final DataSource dataSource;
    private final AuditChain chain;
    private final int schemaVersion;
    private final boolean soleWriter;
    private IndexStatistics statistics;

    @Activate
    public Database(@Reference(target = "(osgi.jndi.service.name=huijian)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=huijian)") EntityManagerFactory emf, Config config)
            throws SQLException {
        this(dataSource, emf, config.auditKeyFile().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "huijian", "audit.key")
                : Path.of(config.auditKeyFile()));
        String at = config.indexStatisticsAt().strip();
        LocalTime time;
        try {
            time = at.isEmpty() ? null : LocalTime.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("indexStatisticsAt must be a time of day as HH:mm, or empty: " + at);
        }
        this.statistics = IndexStatistics.manage(dataSource, time, ZoneId.systemDefault());
    }

    public Database(DataSource dataSource, EntityManagerFactory emf, Path auditKeyFile) throws SQLException {
        this.dataSource = dataSource;
        this.emf = emf;
        this.schemaVersion = Migrations.load(Database.class.getClassLoader(), Migrations.CORE).migrate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            this.soleWriter = soleWriter(c.getMetaData().getURL());
        }
        this.chain = new AuditChain(auditKeyFile);
        LOG.info("Site database ready at schema version {}", schemaVersion);
    }

    /**
     * Whether every change to the database is made by this JVM: embedded Derby (on disk or in memory), which one
     * JVM at a time opens. A database reached over the network (PostgreSQL, Derby's network server) may be shared
     * by several servers.
     */
    public boolean soleWriter() {
        return soleWriter;
    }

    static boolean soleWriter(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:derby:") && !jdbcUrl.startsWith("jdbc:derby://");
    }

    @Deactivate
    void deactivate() {
        // The EntityManagerFactory and DataSource belong to Aries JPA and pax-jdbc, which close them.
        if (statistics != null) {
            statistics.close();
        }
    }

    @Override
    public int migrate(String module, ClassLoader scripts) {
        try {
            return Migrations.load(scripts, module).migrate(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("schema of " + module + ": " + e.getMessage(), e);
        }
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public AuditChain chain() {
        return chain;
    }

    public boolean isUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Reads outside a transaction. */
    public <T> T read(Function<EntityManager, T> work) {
        return read(emf, work);
    }

    @Override
    public <T> T read(EntityManagerFactory unit, Function<EntityManager, T> work) {
        EntityManager em = unit.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * Runs {@code work} and seals the audit entry made from its result, in one transaction.
     * {@code audit} may return {@code null} when the work turned out to change nothing.
     */
    public <T> T write(Function<EntityManager, T> work, Function<T, AuditEntry> audit) {
        return write(emf, work, audit);
    }

    @Override
    public <T> T write(EntityManagerFactory unit, Function<EntityManager, T> work, Function<T, AuditEntry> audit) {
        return writeAll(unit, work, r -> {
            AuditEntry entry = audit.apply(r);
            return entry == null ? List.of() : List.of(entry);
        });
    }

    @Override
    public <T> T writeAll(EntityManagerFactory unit, Function<EntityManager, T> work,
            Function<T, List<AuditEntry>> audits) {
        List<AuditEvent> sealed = new ArrayList<>();
        T result = inTransaction(unit, em -> {
            sealed.clear();
            chain.lock(em);
            T r = work.apply(em);
            em.flush();
            sealed.addAll(chain.appendAll(em, audits.apply(r)));
            return r;
        });
        if (!sealed.isEmpty()) {
            chain.committed(sealed.get(sealed.size() - 1));
        }
        return result;
    }

    @Override
    public <T> T transact(EntityManagerFactory unit, Function<EntityManager, T> work) {
        return inTransaction(unit, work);
    }

    /** Appends one audit event in a transaction of its own. */
    public AuditEvent append(AuditEntry entry) {
        AuditEvent sealed = inTransaction(emf, em -> {
            chain.lock(em);
            return chain.append(em, entry);
        });
        chain.committed(sealed);
        return sealed;
    }

    private static <T> T inTransaction(EntityManagerFactory unit, Function<EntityManager, T> work) {
        EntityManager em = unit.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (HuijianException e) {
            throw e;
        } catch (PersistenceException e) {
            throw translate(e);
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** A unique-constraint violation becomes a conflict; anything else stays a persistence error. */
    static RuntimeException translate(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return new ConflictException(null, "the change clashes with existing data: " + sql.getMessage());
            }
        }
        return e;
    }
}
