package org.huijian.store.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.apache.openjpa.persistence.PersistenceProviderImpl;

/**
 * A real embedded Derby database with the real persistence unit and migrations, outside OSGi. Shared with
 * other bundles' tests through this module's test-jar.
 */
public final class TestDb implements AutoCloseable {
    public final EmbeddedDataSource dataSource;
    public final EntityManagerFactory emf;
    public final Database db;
    final Path dir;

    public TestDb(Path dir) throws SQLException {
        this(dir, true);
    }

    TestDb(Path dir, boolean migrate) throws SQLException {
        this.dir = dir;
        dataSource = dataSource(dir);
        Map<String, Object> props = new HashMap<>();
        props.put("openjpa.ConnectionFactory", dataSource);
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        props.put("openjpa.Log", "slf4j");
        emf = new PersistenceProviderImpl().createEntityManagerFactory("huijian", props);
        db = migrate ? new Database(dataSource, emf, dir.resolve("keys").resolve("audit.key")) : null;
    }

    static EmbeddedDataSource dataSource(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    @Override
    public void close() {
        emf.close();
        shutdown(dir);
    }

    static void shutdown(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006.
        }
    }
}
