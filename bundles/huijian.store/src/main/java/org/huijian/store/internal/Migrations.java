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
    /** The platform's own module: scripts in {@code db/migration/}, versions in {@code HJ_SCHEMA_VERSION}. */
    public static final String CORE = "core";

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
    private final String table;

    public Migrations(List<Script> scripts) {
        this(scripts, "HJ_SCHEMA_VERSION");
    }

    Migrations(List<Script> scripts, String table) {
        this.scripts = List.copyOf(scripts);
        this.table = table;
    }

    /** The platform's own scripts. */
    public static Migrations load(ClassLoader loader) {
        return load(loader, CORE);
    }

    /**
     * Loads {@code 001.sql}, {@code 002.sql}, ... of a module until one is missing: the core's from
     * {@code db/migration/}, a feature module's from {@code db/<module>/} with versions in
     * {@code HJ_SCHEMA_VERSION_<MODULE>}.
     */
    public static Migrations load(ClassLoader loader, String module) {
        if (!module.matches("[a-z]{1,24}")) {
            throw new IllegalArgumentException("module names are 1 to 24 lower-case letters: " + module);
        }
        boolean core = module.equals(CORE);
        String folder = core ? "db/migration/" : "db/" + module + "/";
        List<Script> scripts = new ArrayList<>();
        for (int version = 1;; version++) {
            try (InputStream in = loader.getResourceAsStream(folder + String.format("%03d.sql", version))) {
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
        return new Migrations(scripts, core ? "HJ_SCHEMA_VERSION" : "HJ_SCHEMA_VERSION_" + module.toUpperCase(java.util.Locale.ROOT));
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

    private void apply(Connection c, Script script) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            for (String statement : script.statements()) {
                s.execute(statement);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO " + table + " (VERSION, DESCRIPTION, CHECKSUM, APPLIED_AT) VALUES (?, ?, ?, ?)")) {
                p.setInt(1, script.version());
                p.setString(2, script.description());
                p.setString(3, script.checksum());
                p.setTimestamp(4, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
            c.commit();
            LOG.info("Schema {} migrated to version {} ({}) in {} ms", table, script.version(), script.description(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw new SQLException("schema script " + script.version() + " failed: " + e.getMessage(), e);
        }
    }

    private void ensureVersionTable(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null);
                ResultSet lower = c.getMetaData().getTables(null, null, table.toLowerCase(java.util.Locale.ROOT), null)) {
            if (rs.next() || lower.next()) {
                return;
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (VERSION INTEGER NOT NULL PRIMARY KEY, "
                    + "DESCRIPTION VARCHAR(200) NOT NULL, CHECKSUM VARCHAR(64) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL)");
        }
    }

    private Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> applied = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION, CHECKSUM FROM " + table + " ORDER BY VERSION")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(VERSION) FROM " + table)) {
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
