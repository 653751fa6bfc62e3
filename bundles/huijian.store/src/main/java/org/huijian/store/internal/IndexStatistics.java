package org.huijian.store.internal;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derby's index statistics, refreshed at start and once a day at a quiet time rather than by Derby's own daemon.
 * The daemon refreshes a table's statistics whenever a statement is compiled after the table has grown a few times
 * over, and the new statistics invalidate every compiled statement on the table at once: every request thread then
 * compiles its SQL again. On a booking site the table grows most in a release rush, so that is when it happened
 * (seen in the rush benchmark: statistics of {@code HJ_BOOKING} written in the release's first second).
 */
final class IndexStatistics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexStatistics.class);
    static final String AUTO = "derby.storage.indexStats.auto";

    private final DataSource dataSource;
    private final ScheduledExecutorService timer;
    private final java.util.concurrent.Future<?> first;

    private IndexStatistics(DataSource dataSource, LocalTime at, ZoneId zone) {
        this.dataSource = dataSource;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "huijian-index-statistics");
            t.setDaemon(true);
            return t;
        });
        first = timer.submit(this::refreshLogged);
        timer.schedule(new Runnable() {
            @Override
            public void run() {
                refreshLogged();
                timer.schedule(this, untilNext(ZonedDateTime.now(zone), at).toMillis(), TimeUnit.MILLISECONDS);
            }
        }, untilNext(ZonedDateTime.now(zone), at).toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * On Derby, turns Derby's automatic refresh off and refreshes at start and daily at {@code at} (in {@code zone});
     * with {@code at} null, gives the refresh back to Derby. Returns null on other databases, which keep their own.
     * Derby reads its setting when the database boots, so a change takes effect at the next start; the distribution
     * also turns it off for the JVM ({@code bin/setenv}), so a new site has it off from its first start.
     */
    static IndexStatistics manage(DataSource dataSource, LocalTime at, ZoneId zone) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getURL().startsWith("jdbc:derby:")) {
                return null;
            }
            try (CallableStatement s = c.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
                s.setString(1, AUTO);
                // explicit both ways: the database's setting overrides the JVM's (bin/setenv turns it off there)
                s.setString(2, at == null ? "true" : "false");
                s.execute();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        if (at == null) {
            LOG.info("Index statistics are refreshed by Derby when it sees fit (from the next start)");
            return null;
        }
        LOG.info("Index statistics are refreshed now and daily at {} ({}), not by Derby's daemon", at, zone);
        return new IndexStatistics(dataSource, at, zone);
    }

    /** The time from {@code now} to the next {@code at}: later today, or tomorrow. */
    static Duration untilNext(ZonedDateTime now, LocalTime at) {
        ZonedDateTime next = now.toLocalDate().atTime(at).atZone(now.getZone());
        if (!next.isAfter(now)) {
            next = now.toLocalDate().plusDays(1).atTime(at).atZone(now.getZone());
        }
        return Duration.between(now, next);
    }

    private void refreshLogged() {
        long started = System.nanoTime();
        try {
            int tables = refresh(dataSource);
            LOG.info("Refreshed the index statistics of {} tables in {} ms", tables,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            if (!timer.isShutdown()) { // not the database closing under us
                LOG.warn("Could not refresh the index statistics: {}", e.toString());
            }
        }
    }

    /** Refreshes the statistics of every table of the connection's schema; returns how many were refreshed. */
    static int refresh(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            List<String[]> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT s.SCHEMANAME, t.TABLENAME FROM SYS.SYSTABLES t "
                            + "JOIN SYS.SYSSCHEMAS s ON s.SCHEMAID = t.SCHEMAID "
                            + "WHERE t.TABLETYPE = 'T' AND s.SCHEMANAME = CURRENT SCHEMA")) {
                while (r.next()) {
                    tables.add(new String[] { r.getString(1), r.getString(2) });
                }
            }
            int done = 0;
            try (CallableStatement update = c.prepareCall("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, ?, NULL)")) {
                for (String[] t : tables) {
                    update.setString(1, t[0]);
                    update.setString(2, t[1]);
                    try {
                        update.execute();
                        done++;
                    } catch (SQLException e) {
                        // e.g. the audit table while a long audited write holds it: refreshed next time
                        LOG.debug("Statistics of {} not refreshed: {}", t[1], e.toString());
                    }
                }
            }
            return done;
        }
    }

    /** Waits for the refresh made at start (tests). */
    void awaitFirst() throws Exception {
        first.get(1, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
