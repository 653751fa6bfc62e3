package org.huijian.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index statistics refreshed by the store at a set time, on a real Derby database. */
class IndexStatisticsTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void theNextRefreshIsLaterTodayOrTomorrow() {
        ZonedDateTime morning = ZonedDateTime.of(2026, 12, 1, 2, 0, 0, 0, SHANGHAI);
        assertEquals(Duration.ofMinutes(90), IndexStatistics.untilNext(morning, LocalTime.of(3, 30)));
        assertEquals(Duration.ofHours(24), IndexStatistics.untilNext(morning.withHour(3).withMinute(30),
                LocalTime.of(3, 30)), "at the very time: the next is tomorrow's");
        assertEquals(Duration.ofHours(13).plusMinutes(30), IndexStatistics.untilNext(morning.withHour(14),
                LocalTime.of(3, 30)));
    }

    @Test
    void derbysOwnRefreshIsOffWhileTheStoreRefreshesAndBackWhenGivenBack() throws Exception {
        try (TestDb db = new TestDb(dir)) {
            MigrationsTest.exec(db.dataSource, "INSERT INTO HJ_DETENTION_CENTRE (ID, CODE, NAME) VALUES (1, 'KSS1', '第一看守所')");
            // one statement compiled while the table is empty: a statement compiled later, over 100 rows, could have
            // Derby's own daemon make statistics behind the test's back
            try (Connection c = db.dataSource.getConnection(); java.sql.PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO HJ_DETAINEE (DETENTION_CENTRE_ID, CODE, NAME, GENDER) VALUES (1, ?, ?, 'MALE')")) {
                for (int i = 0; i < 300; i++) {
                    insert.setString(1, "D" + i);
                    insert.setString(2, "在押人员" + i);
                    insert.executeUpdate();
                }
            }
            assertEquals(0, statisticsOf(db.dataSource, "HJ_DETAINEE"), "none yet");

            IndexStatistics managed = IndexStatistics.manage(db.dataSource, LocalTime.of(3, 30), SHANGHAI);
            try {
                assertEquals("false", property(db.dataSource, IndexStatistics.AUTO));
                managed.awaitFirst();
                assertTrue(statisticsOf(db.dataSource, "HJ_DETAINEE") > 0, "refreshed at start");
                assertTrue(IndexStatistics.refresh(db.dataSource) > 5, "every table of the schema");
            } finally {
                managed.close();
            }

            assertNull(IndexStatistics.manage(db.dataSource, null, SHANGHAI));
            assertEquals("true", property(db.dataSource, IndexStatistics.AUTO), "Derby's own refresh again");
        }
    }

    static String property(DataSource ds, String name) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY('" + name + "')")) {
            r.next();
            return r.getString(1);
        }
    }

    static int statisticsOf(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM SYS.SYSSTATISTICS st JOIN SYS.SYSTABLES t "
                        + "ON t.TABLEID = st.TABLEID WHERE t.TABLENAME = '" + table + "'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
