package org.huijian.booking.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.booking.Qualification;
import org.huijian.booking.QualificationStatus;

@Entity
@Table(name = "HJ_QUALIFICATION")
@NamedQuery(name = "Qualification.byStatus", query = "SELECT q FROM QualificationEntity q WHERE q.status = :status "
        + "ORDER BY q.decidedAt")
public class QualificationEntity {
    @Id
    @Column(name = "LAWYER_ID")
    private long lawyerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS")
    private QualificationStatus status;
    @Column(name = "REASON")
    private String reason;
    @Column(name = "DECIDED_BY")
    private String decidedBy;
    @Column(name = "DECIDED_AT")
    private Timestamp decidedAt;
    @Column(name = "SUSPENDED_UNTIL")
    private Timestamp suspendedUntil;
    @Column(name = "ID_CARD_NO")
    private String idCardNo;
    @Column(name = "LICENCE_PHOTO_ID")
    private Long licencePhotoId;

    protected QualificationEntity() {
    }

    public QualificationEntity(long lawyerId, String idCardNo, Long licencePhotoId, Instant now) {
        this.lawyerId = lawyerId;
        this.idCardNo = idCardNo;
        this.licencePhotoId = licencePhotoId;
        decide(QualificationStatus.PENDING, "registered, waiting for verification", "registration", now, null);
    }

    public void decide(QualificationStatus newStatus, String why, String by, Instant now, Instant until) {
        status = newStatus;
        reason = why;
        decidedBy = by;
        decidedAt = Timestamp.from(now);
        suspendedUntil = until == null ? null : Timestamp.from(until);
    }

    public Qualification toApi() {
        return new Qualification(lawyerId, status, reason, decidedBy, decidedAt.toInstant(),
                suspendedUntil == null ? null : suspendedUntil.toInstant());
    }

    public String idCardNo() {
        return idCardNo;
    }

    public Long licencePhotoId() {
        return licencePhotoId;
    }

    public void licencePhoto(long documentId) {
        licencePhotoId = documentId;
    }
}
