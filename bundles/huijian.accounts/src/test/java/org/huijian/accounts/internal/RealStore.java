package org.huijian.accounts.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.huijian.store.internal.Database;
import org.huijian.store.internal.JpaAccountStore;
import org.huijian.store.internal.JpaAuditLog;

/** The platform's real store on a real embedded Derby database in a temporary folder. */
final class RealStore implements AutoCloseable {
    final EntityManagerFactory emf;
    final JpaAccountStore accounts;
    final JpaAuditLog audit;
    private final Path dir;

    RealStore(Path dir) throws SQLException {
        this.dir = dir;
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        emf = new PersistenceProviderImpl().createEntityManagerFactory("huijian",
                Map.of("openjpa.ConnectionFactory", ds, "javax.persistence.nonJtaDataSource", ds));
        Database db = new Database(ds, emf, dir.resolve("audit.key"));
        accounts = new JpaAccountStore(db);
        audit = new JpaAuditLog(db);
    }

    @Override
    public void close() {
        emf.close();
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException expected) {
            // 08006: shut down
        }
    }
}
