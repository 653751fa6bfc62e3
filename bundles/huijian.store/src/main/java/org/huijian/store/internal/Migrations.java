package org.huijian.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: {@code db/migration/001.sql}, {@code 002.sql}, ... applied in order, each
 * in one transaction together with its row in {@code HJ_SCHEMA_VERSION}. A script already applied must
 * not change: its checksum is kept and compared at every start. Scripts are portable SQL (Derby and
 * PostgreSQL): statements end with {@code ;} at the end of a line, comments are whole lines starting
 * with {@code --}; the first comment line is the script's description.
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String FOLDER = "db/migration/";

    /** One script. */
    public record Script(int version, String description, String sql, String checksum) {
        List<String> statements() {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : sql.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String statement = current.toString().strip();
                    out.add(statement.substring(0, statement.length() - 1));
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) {
                throw new IllegalStateException("script " + version + " ends without ';'");
            }
            return out;
        }
    }

    private final List<Script> scripts;

    public Migrations(List<Script> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    /** Loads {@code 001.sql}, {@code 002.sql}, ... from the class loader until one is missing. */
    public static Migrations load(ClassLoader loader) {
        List<Script> scripts = new ArrayList<>();
        for (int version = 1;; version++) {
            try (InputStream in = loader.getResourceAsStream(FOLDER + String.format("%03d.sql", version))) {
                if (in == null) {
                    break;
                }
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                String first = sql.lines().findFirst().orElse("");
                String description = first.startsWith("--") ? first.substring(2).strip() : "";
                scripts.add(new Script(version, description, sql, sha256(sql)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Migrations(scripts);
    }

    List<Script> scripts() {
        return scripts;
    }

    public int latest() {
        return scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
    }

    /** Applies every script not yet applied; returns the schema version now in place. */
    public int migrate(DataSource dataSource) throws SQLException {
        return migrate(dataSource, latest());
    }

    /** Applies scripts up to and including {@code target}. */
    public int migrate(DataSource dataSource, int target) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                return migrate(c, target);
            } finally {
                c.rollback();
            }
        }
    }

    private int migrate(Connection c, int target) throws SQLException {
        {
            ensureVersionTable(c);
            Map<Integer, String> applied = applied(c);
            c.commit();
            int newest = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (newest > latest()) {
                throw new IllegalStateException("the database has schema version " + newest
                        + ", newer than this software knows (" + latest() + "); upgrade the software");
            }
            for (Script script : scripts) {
                String checksum = applied.get(script.version());
                if (checksum != null) {
                    if (!checksum.equals(script.checksum())) {
                        throw new IllegalStateException("schema script " + script.version()
                                + " was changed after it was applied; restore it and add a new script instead");
                    }
                    continue;
                }
                if (script.version() > target) {
                    break;
                }
                apply(c, script);
            }
            int version = currentVersion(c);
            c.commit();
            return version;
        }
    }

    private static void apply(Connection c, Script script) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            for (String statement : script.statements()) {
                s.execute(statement);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO HJ_SCHEMA_VERSION (VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT) VALUES (?, ?, ?, ?)")) {
                p.setInt(1, script.version());
                p.setString(2, script.description());
                p.setString(3, script.checksum());
                p.setTimestamp(4, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
            c.commit();
            LOG.info("Schema migrated to version {} ({}) in {} ms", script.version(), script.description(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw new SQLException("schema script " + script.version() + " failed: " + e.getMessage(), e);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "HJ_SCHEMA_VERSION", null);
                ResultSet lower = c.getMetaData().getTables(null, null, "hj_schema_version", null)) {
            if (rs.next() || lower.next()) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE HJ_SCHEMA_VERSION (VERSION INTEGER NOT NULL PRIMARY KEY, "
                    + "DESCRIPTION VARCHAR(200) NOT NULL, CHECKSUM VARCHAR(64) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL)");
        }
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> applied = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION, CHECKSUM FROM HJ_SCHEMA_VERSION ORDER BY VERSION")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(VERSION) FROM HJ_SCHEMA_VERSION")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
