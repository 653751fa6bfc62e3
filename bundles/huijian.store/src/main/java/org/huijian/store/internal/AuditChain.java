package org.huijian.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.apache.openjpa.persistence.OpenJPAPersistence;
import org.huijian.audit.AuditEntry;
import org.huijian.audit.AuditEvent;
import org.huijian.audit.ChainVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals audit events into a chain: each event's hash is an HMAC-SHA-256, under a key kept in a file
 * outside the database, of its own fields and the previous event's hash. The newest sequence number and
 * hash are also written to a head file next to the key, so that removing events at the end of the log is
 * detected too.
 */
final class AuditChain {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);
    static final String GENESIS = "0".repeat(64);

    private final byte[] key;
    private final Path headFile;
    private long headSeq = -1;

    AuditChain(Path keyFile) {
        this.key = loadOrCreateKey(keyFile);
        this.headFile = keyFile.resolveSibling(keyFile.getFileName() + ".head");
    }

    /** Serialises audited writes: called first in every audited transaction. */
    void lock(EntityManager em) {
        // Through the entity manager, not its JDBC connection: this starts the transaction's datastore
        // transaction, so the lock is held to its end and later plain SQL runs on the same connection.
        em.createNativeQuery("LOCK TABLE HJ_AUDIT_EVENT IN EXCLUSIVE MODE").executeUpdate();
    }

    /**
     * The transaction's own JDBC connection: the chain is written in plain SQL (not through OpenJPA's native
     * queries, which parse and prepare each statement again), so it works with the entity manager of any
     * persistence unit on the site database and costs one statement per batch, not per event. Close it when done,
     * inside the transaction: that only gives back OpenJPA's reference (the transaction keeps the connection). Left
     * open, OpenJPA's finalizer closes it later on the finalizer thread, which can race the entity manager's own
     * close and make the pool fail that request with a {@code NullPointerException} (seen once in a bench set-up).
     */
    private static Connection connection(EntityManager em) {
        return (Connection) OpenJPAPersistence.cast(em).getConnection();
    }

    /**
     * Appends within the caller's transaction, which must hold {@link #lock}. Plain SQL, so it works with the
     * entity manager of any persistence unit on the site database.
     */
    AuditEvent append(EntityManager em, AuditEntry entry) {
        return appendAll(em, List.of(entry)).get(0);
    }

    /** Appends several events in order, reading the chain's head once and inserting them as one batch. */
    List<AuditEvent> appendAll(EntityManager em, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        try (Connection connection = connection(em)) {
            long seq = 0;
            String prevHash = GENESIS;
            // MAX reads the end of the primary key's index, then one row by its key. (ORDER BY SEQ DESC made Derby,
            // which does not scan an index backwards, read and sort the whole log on every audited write.)
            try (Statement max = connection.createStatement();
                    ResultSet last = max.executeQuery("SELECT MAX(SEQ) FROM HJ_AUDIT_EVENT")) {
                if (last.next()) {
                    seq = last.getLong(1); // 0 when the log is empty (MAX of nothing is NULL)
                }
            }
            if (seq > 0) {
                try (PreparedStatement head = connection.prepareStatement(
                        "SELECT HASH FROM HJ_AUDIT_EVENT WHERE SEQ = ?")) {
                    head.setLong(1, seq);
                    try (ResultSet last = head.executeQuery()) {
                        if (!last.next()) {
                            throw new SQLException("audit event " + seq + " vanished while the log was locked");
                        }
                        prevHash = last.getString(1);
                    }
                }
            }
            List<AuditEvent> out = new ArrayList<>(entries.size());
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditEntry entry : entries) {
                    AuditEvent e = seal(entry, ++seq, prevHash);
                    insert.setLong(1, e.seq());
                    insert.setTimestamp(2, Timestamp.from(e.at()));
                    insert.setString(3, e.actor());
                    insert.setString(4, e.origin());
                    insert.setString(5, e.action());
                    insert.setString(6, e.target());
                    insert.setString(7, e.detail());
                    insert.setString(8, e.prevHash());
                    insert.setString(9, e.hash());
                    insert.addBatch();
                    out.add(e);
                    prevHash = e.hash();
                }
                insert.executeBatch();
            }
            return out;
        } catch (SQLException e) {
            throw new PersistenceException("could not append to the audit log: " + e.getMessage(), e);
        }
    }

    private static final String INSERT = "INSERT INTO HJ_AUDIT_EVENT (SEQ, OCCURRED_AT, ACTOR, ORIGIN, ACTION_NAME, "
            + "TARGET, DETAIL, PREV_HASH, HASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditEvent seal(AuditEntry entry, long seq, String prevHash) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AuditEvent unsealed = new AuditEvent(seq, at, cut(entry.actor().username(), 64), cut(entry.actor().origin(), 100),
                cut(entry.action(), 64), cut(entry.target(), 200), cut(entry.detail(), 1000), prevHash, null);
        return new AuditEvent(seq, at, unsealed.actor(), unsealed.origin(), unsealed.action(),
                unsealed.target(), unsealed.detail(), prevHash, seal(unsealed));
    }

    /** Records the new head after the appending transaction committed. */
    synchronized void committed(AuditEvent event) {
        if (event.seq() <= headSeq) {
            return;
        }
        headSeq = event.seq();
        try {
            Path tmp = headFile.resolveSibling(headFile.getFileName() + ".tmp");
            Files.writeString(tmp, event.seq() + " " + event.hash() + "\n");
            try {
                Files.move(tmp, headFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, headFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.error("Could not record the audit head in {}: {}", headFile, e.toString());
        }
    }

    String seal(AuditEvent e) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] { Long.toString(e.seq()), Long.toString(e.at().toEpochMilli()), e.actor(),
                e.origin(), e.action(), e.target(), e.detail(), e.prevHash() }) {
            canonical.append(field.length()).append(':').append(field).append(';');
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Checks the whole chain, reading it page by page. The head file is read first: every event it names was
     * committed before, so the walk must reach it, however many events are appended meanwhile.
     */
    ChainVerification verify(java.util.function.BiFunction<Long, Integer, List<AuditEvent>> page) {
        String[] head;
        try {
            head = Files.exists(headFile) ? Files.readString(headFile).strip().split(" ") : null;
            if (head != null) {
                Long.parseLong(head[0]);
            }
        } catch (IOException | RuntimeException e) {
            return new ChainVerification(false, 0, null, "unreadable head file " + headFile + ": " + e, null);
        }
        String prevHash = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEvent> events = page.apply(expectedSeq - 1, 1000);
            for (AuditEvent e : events) {
                String problem = null;
                if (e.seq() != expectedSeq) {
                    problem = "event " + expectedSeq + " is missing";
                } else if (!e.prevHash().equals(prevHash)) {
                    problem = "does not link to the event before it";
                } else if (!e.hash().equals(seal(e))) {
                    problem = "its content does not match its seal (changed after it was written)";
                }
                if (problem != null) {
                    return new ChainVerification(false, checked, expectedSeq, problem, prevHash);
                }
                if (head != null && e.seq() == Long.parseLong(head[0]) && !e.hash().equals(head[1])) {
                    return new ChainVerification(false, checked, e.seq(), "does not match the recorded head", prevHash);
                }
                prevHash = e.hash();
                expectedSeq++;
                checked++;
            }
            if (events.size() < 1000) {
                break;
            }
        }
        if (head != null && Long.parseLong(head[0]) > checked) {
            return new ChainVerification(false, checked, checked + 1,
                    "events " + (checked + 1) + " to " + head[0] + " were removed from the end of the log", prevHash);
        }
        return new ChainVerification(true, checked, null, null, prevHash);
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static byte[] loadOrCreateKey(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                byte[] key = HexFormat.of().parseHex(Files.readString(keyFile).strip());
                if (key.length < 32) {
                    throw new IllegalStateException("audit key " + keyFile + " is shorter than 256 bits");
                }
                return key;
            }
            Files.createDirectories(keyFile.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".new");
            Files.writeString(tmp, HexFormat.of().formatHex(key) + "\n");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                LOG.warn("Cannot restrict permissions of {} on this file system", tmp);
            }
            Files.move(tmp, keyFile);
            LOG.info("Created the audit sealing key {}; back it up with the database", keyFile);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key " + keyFile, e);
        }
    }
}
