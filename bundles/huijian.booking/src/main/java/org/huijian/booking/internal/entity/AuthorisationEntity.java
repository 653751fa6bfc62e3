package org.huijian.booking.internal.entity;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A lawyer's authorisation for a case: the letters on file, and whether an approver accepted them. */
@Entity
@Table(name = "HJ_AUTHORISATION")
@IdClass(AuthorisationEntity.Key.class)
public class AuthorisationEntity {
    public static final String PENDING = "PENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    @Id
    @Column(name = "LAWYER_ID")
    private long lawyerId;
    @Id
    @Column(name = "CASE_ID")
    private long caseId;
    @Column(name = "STATUS")
    private String status;
    @Column(name = "AUTHORISATION_DOC_ID")
    private Long authorisationDocId;
    @Column(name = "FIRM_LETTER_DOC_ID")
    private Long firmLetterDocId;
    @Column(name = "DECIDED_BY")
    private String decidedBy;
    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    protected AuthorisationEntity() {
    }

    public AuthorisationEntity(long lawyerId, long caseId, Instant now) {
        this.lawyerId = lawyerId;
        this.caseId = caseId;
        this.status = PENDING;
        this.updatedAt = Timestamp.from(now);
    }

    public String status() {
        return status;
    }

    public void letters(Long authorisationDoc, Long firmLetterDoc, Instant now) {
        if (authorisationDoc != null) {
            authorisationDocId = authorisationDoc;
        }
        if (firmLetterDoc != null) {
            firmLetterDocId = firmLetterDoc;
        }
        if (!ACCEPTED.equals(status)) {
            status = PENDING;
        }
        updatedAt = Timestamp.from(now);
    }

    public boolean complete() {
        return authorisationDocId != null && firmLetterDocId != null;
    }

    public void decide(String newStatus, String by, Instant now) {
        status = newStatus;
        decidedBy = by;
        updatedAt = Timestamp.from(now);
    }

    public Long authorisationDocId() {
        return authorisationDocId;
    }

    public Long firmLetterDocId() {
        return firmLetterDocId;
    }

    public static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long lawyerId;
        public long caseId;

        public Key() {
        }

        public Key(long lawyerId, long caseId) {
            this.lawyerId = lawyerId;
            this.caseId = caseId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.lawyerId == lawyerId && k.caseId == caseId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(lawyerId, caseId);
        }
    }
}
