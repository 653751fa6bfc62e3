package org.huijian.devices.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** A terminal credential: the hash of its secret, who issued it and when, and whether it is still in force. */
@Entity
@Table(name = "HJ_TERMINAL_CREDENTIAL")
@NamedQueries({
    @NamedQuery(name = "Credential.inForce", query = "SELECT c FROM CredentialEntity c WHERE c.terminalId = :terminalId "
            + "AND c.revokedAt IS NULL"),
    @NamedQuery(name = "Credential.bySecret", query = "SELECT c FROM CredentialEntity c WHERE c.secretHash = :hash "
            + "AND c.revokedAt IS NULL"),
    @NamedQuery(name = "Credential.all", query = "SELECT c FROM CredentialEntity c ORDER BY c.terminalId, c.id DESC") })
public class CredentialEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "TERMINAL_ID")
    private long terminalId;
    @Column(name = "SECRET_HASH")
    private String secretHash;
    @Column(name = "ISSUED_AT")
    private Timestamp issuedAt;
    @Column(name = "ISSUED_BY")
    private String issuedBy;
    @Column(name = "REVOKED_AT")
    private Timestamp revokedAt;
    @Column(name = "REVOKED_BY")
    private String revokedBy;
    @Column(name = "LAST_USED_AT")
    private Timestamp lastUsedAt;

    protected CredentialEntity() {
    }

    public CredentialEntity(long terminalId, String secretHash, Instant issuedAt, String issuedBy) {
        this.terminalId = terminalId;
        this.secretHash = secretHash;
        this.issuedAt = Timestamp.from(issuedAt);
        this.issuedBy = issuedBy;
    }

    public void revoke(Instant at, String by) {
        this.revokedAt = Timestamp.from(at);
        this.revokedBy = by;
    }

    public void used(Instant at) {
        this.lastUsedAt = Timestamp.from(at);
    }

    public long getId() {
        return id;
    }

    public long terminalId() {
        return terminalId;
    }

    public Instant issuedAt() {
        return issuedAt.toInstant();
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant revokedAt() {
        return revokedAt == null ? null : revokedAt.toInstant();
    }

    public String revokedBy() {
        return revokedBy;
    }

    public Instant lastUsedAt() {
        return lastUsedAt == null ? null : lastUsedAt.toInstant();
    }
}
