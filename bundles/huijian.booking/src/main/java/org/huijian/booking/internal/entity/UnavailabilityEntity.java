package org.huijian.booking.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.booking.Unavailability;

@Entity
@Table(name = "HJ_UNAVAILABILITY")
@NamedQuery(name = "Unavailability.overlapping", query = "SELECT u FROM UnavailabilityEntity u "
        + "WHERE u.detaineeId = :detainee AND u.fromAt < :to AND u.toAt > :from ORDER BY u.fromAt")
public class UnavailabilityEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "DETAINEE_ID")
    private long detaineeId;
    @Column(name = "FROM_AT")
    private LocalDateTime fromAt;
    @Column(name = "TO_AT")
    private LocalDateTime toAt;
    @Column(name = "REASON")
    private String reason;
    @Column(name = "CREATED_BY")
    private String createdBy;
    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    protected UnavailabilityEntity() {
    }

    public UnavailabilityEntity(Unavailability u, String createdBy, Instant now) {
        this.detaineeId = u.detaineeId();
        this.fromAt = u.from();
        this.toAt = u.to();
        this.reason = u.reason();
        this.createdBy = createdBy;
        this.createdAt = Timestamp.from(now);
    }

    public Unavailability toApi() {
        return new Unavailability(detaineeId, fromAt, toAt, reason);
    }
}
