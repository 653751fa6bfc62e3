package org.huijian.accounts.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import org.huijian.store.internal.JpaAccountStore;
import org.huijian.store.internal.JpaAuditLog;
import org.huijian.store.internal.TestDb;

/** The platform's real account store and audit log on a real embedded Derby database in a temporary folder. */
final class RealStore implements AutoCloseable {
    final JpaAccountStore accounts;
    final JpaAuditLog audit;
    private final TestDb db;

    RealStore(Path dir) throws SQLException {
        db = new TestDb(dir);
        accounts = new JpaAccountStore(db.db);
        audit = new JpaAuditLog(db.db);
    }

    @Override
    public void close() {
        db.close();
    }
}
