package org.huijian.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @AfterEach
    void shutdown() {
        TestDb.shutdown(dir);
    }

    @Test
    void fromEmptyToLatest() throws SQLException {
        Migrations migrations = Migrations.load(getClass().getClassLoader());
        assertTrue(migrations.latest() >= 2, "scripts are found on the class path");
        DataSource ds = TestDb.dataSource(dir);
        assertEquals(migrations.latest(), migrations.migrate(ds));
        assertEquals(0, count(ds, "HJ_ACCOUNT"));
        assertEquals(0, count(ds, "HJ_CENTRE"));
        // Running again changes nothing.
        assertEquals(migrations.latest(), migrations.migrate(ds));
        assertEquals(migrations.latest(), count(ds, "HJ_SCHEMA_VERSION"));
    }

    @Test
    void fromEveryEarlierVersionKeepingData() throws SQLException {
        Migrations migrations = Migrations.load(getClass().getClassLoader());
        for (int from = 1; from < migrations.latest(); from++) {
            Path db = dir.resolve("v" + from);
            DataSource ds = TestDb.dataSource(db);
            assertEquals(from, migrations.migrate(ds, from));
            exec(ds, "INSERT INTO HJ_CENTRE (CODE, NAME) VALUES ('GZ-TH', '天河区律师视频会见中心')");
            assertEquals(migrations.latest(), migrations.migrate(ds));
            assertEquals(1, count(ds, "HJ_CENTRE"), "data written at version " + from + " survives");
            TestDb.shutdown(db);
        }
    }

    @Test
    void featureModulesKeepTheirOwnVersions() throws SQLException {
        DataSource ds = TestDb.dataSource(dir);
        Migrations core = Migrations.load(getClass().getClassLoader());
        core.migrate(ds);
        Migrations module = Migrations.load(getClass().getClassLoader(), "testmodule");
        assertEquals(1, module.latest());
        assertEquals(1, module.migrate(ds));
        assertEquals(1, count(ds, "HJ_SCHEMA_VERSION_TESTMODULE"));
        assertEquals(core.latest(), count(ds, "HJ_SCHEMA_VERSION"), "the core's versions are untouched");
        assertEquals(0, count(ds, "HJ_TM_THING"));
        assertEquals(1, module.migrate(ds), "applying again changes nothing");
    }

    @Test
    void refusesAChangedScript() throws SQLException {
        Migrations original = Migrations.load(getClass().getClassLoader());
        DataSource ds = TestDb.dataSource(dir);
        original.migrate(ds);
        List<Migrations.Script> changed = new ArrayList<>(original.scripts());
        Migrations.Script first = changed.get(0);
        changed.set(0, new Migrations.Script(1, first.description(), first.sql() + "\n-- edited",
                Migrations.sha256(first.sql() + "\n-- edited")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Migrations(changed).migrate(ds));
        assertTrue(e.getMessage().contains("schema script 1 was changed"), e.getMessage());
    }

    @Test
    void refusesADatabaseNewerThanTheSoftware() throws SQLException {
        Migrations all = Migrations.load(getClass().getClassLoader());
        DataSource ds = TestDb.dataSource(dir);
        all.migrate(ds);
        Migrations older = new Migrations(all.scripts().subList(0, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> older.migrate(ds));
        assertTrue(e.getMessage().contains("newer than this software knows"), e.getMessage());
    }

    @Test
    void aFailingScriptLeavesNothingBehind() throws SQLException {
        DataSource ds = TestDb.dataSource(dir);
        Migrations broken = new Migrations(List.of(new Migrations.Script(1, "broken",
                "CREATE TABLE HJ_T1 (ID INTEGER);\nCREATE TABLE HJ_T1 (ID INTEGER);\n", "x")));
        assertThrows(SQLException.class, () -> broken.migrate(ds));
        try (Connection c = ds.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, "HJ_T1", null)) {
            assertTrue(!rs.next(), "the first statement of the failed script was rolled back");
        }
        assertEquals(0, count(ds, "HJ_SCHEMA_VERSION"));
    }

    static int count(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
