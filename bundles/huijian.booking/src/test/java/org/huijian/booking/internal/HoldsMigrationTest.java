package org.huijian.booking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.huijian.store.internal.Migrations;
import org.huijian.store.internal.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Booking schema 2 moves a site's holds from four rows per quarter-hour to one, losing none. */
class HoldsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void holdsOfVersionOneBecomeOneRowPerQuarterHour() throws SQLException {
        try (TestDb db = new TestDb(dir)) {
            Migrations booking = Migrations.load(BookingUnit.class.getClassLoader(), BookingUnit.MODULE);
            assertEquals(1, booking.migrate(db.dataSource, 1));
            try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
                for (int id = 1; id <= 2; id++) {
                    s.executeUpdate("INSERT INTO HJ_BOOKING (ID, LAWYER_ID, DETAINEE_ID, CASE_ID, CENTRE_ID, POSITION_ID, "
                            + "DETENTION_CENTRE_ID, TERMINAL_ID, START_AT, END_AT, STATUS, CREATED_AT, UPDATED_AT) VALUES ("
                            + id + ", " + (100 + id) + ", " + (200 + id) + ", 1, 1, " + (10 + id) + ", 2, " + (20 + id)
                            + ", '2026-12-01 09:30:00', '2026-12-01 10:00:00', 'APPROVED', CURRENT_TIMESTAMP, "
                            + "CURRENT_TIMESTAMP)");
                    for (String tick : new String[] { "09:30", "09:45" }) {
                        long[] held = { 10 + id, 20 + id, 100 + id, 200 + id };
                        String[] kinds = { "POS", "TERM", "LAWYER", "DET" };
                        for (int k = 0; k < 4; k++) {
                            s.executeUpdate("INSERT INTO HJ_SLOT_HOLD (RESOURCE_KIND, RESOURCE_ID, TICK, BOOKING_ID) VALUES ('"
                                    + kinds[k] + "', " + held[k] + ", '2026-12-01 " + tick + ":00', " + id + ")");
                        }
                    }
                }
            }

            assertEquals(booking.latest(), booking.migrate(db.dataSource));

            List<String> rows = new ArrayList<>();
            try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT BOOKING_ID, TICK, POSITION_ID, TERMINAL_ID, LAWYER_ID, "
                            + "DETAINEE_ID FROM HJ_BOOKING_HOLD ORDER BY BOOKING_ID, TICK")) {
                while (r.next()) {
                    rows.add(r.getLong(1) + " " + r.getTimestamp(2).toLocalDateTime().toLocalTime() + " " + r.getLong(3)
                            + " " + r.getLong(4) + " " + r.getLong(5) + " " + r.getLong(6));
                }
                assertFalse(c.getMetaData().getTables(null, null, "HJ_SLOT_HOLD", null).next(),
                        "the old table is gone");
            }
            assertEquals(List.of("1 09:30 11 21 101 201", "1 09:45 11 21 101 201", "2 09:30 12 22 102 202",
                    "2 09:45 12 22 102 202"), rows);
        }
    }
}
