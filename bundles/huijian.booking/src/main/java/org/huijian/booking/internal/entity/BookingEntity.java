package org.huijian.booking.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.booking.Booking;
import org.huijian.booking.BookingStatus;

@Entity
@Table(name = "HJ_BOOKING")
@NamedQueries({
        @NamedQuery(name = "Booking.ofLawyer", query = "SELECT b FROM BookingEntity b WHERE b.lawyerId = :lawyerId "
                + "AND b.startAt >= :from AND b.startAt < :to ORDER BY b.startAt DESC"),
        @NamedQuery(name = "Booking.byStatus", query = "SELECT b FROM BookingEntity b WHERE b.status = :status "
                + "ORDER BY b.createdAt, b.id"),
        @NamedQuery(name = "Booking.ofDetentionCentre", query = "SELECT b FROM BookingEntity b "
                + "WHERE b.detentionCentreId = :dc AND b.startAt >= :from AND b.startAt < :to ORDER BY b.startAt, b.id"),
        @NamedQuery(name = "Booking.ofCentre", query = "SELECT b FROM BookingEntity b "
                + "WHERE b.centreId = :centre AND b.startAt >= :from AND b.startAt < :to ORDER BY b.startAt, b.id"),
        @NamedQuery(name = "Booking.ofDetainee", query = "SELECT b FROM BookingEntity b "
                + "WHERE b.detaineeId = :detainee AND b.startAt < :to AND b.endAt > :from ORDER BY b.startAt"),
        @NamedQuery(name = "Booking.countOfLawyerDay", query = "SELECT COUNT(b) FROM BookingEntity b "
                + "WHERE b.lawyerId = :lawyerId AND b.startAt >= :from AND b.startAt < :to AND b.status IN :live"),
        @NamedQuery(name = "Booking.countNoShows", query = "SELECT COUNT(b) FROM BookingEntity b "
                + "WHERE b.lawyerId = :lawyerId AND b.status = org.huijian.booking.BookingStatus.NO_SHOW "
                + "AND b.startAt >= :since"),
        @NamedQuery(name = "Booking.countCompleted", query = "SELECT COUNT(b) FROM BookingEntity b "
                + "WHERE b.lawyerId = :lawyerId AND b.caseId = :caseId AND b.status = org.huijian.booking.BookingStatus.COMPLETED"),
        @NamedQuery(name = "Booking.dueBefore", query = "SELECT b FROM BookingEntity b WHERE b.status = :status "
                + "AND b.startAt < :before ORDER BY b.startAt")
})
public class BookingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "REFERENCE")
    private String reference;
    @Column(name = "LAWYER_ID")
    private long lawyerId;
    @Column(name = "DETAINEE_ID")
    private long detaineeId;
    @Column(name = "CASE_ID")
    private long caseId;
    @Column(name = "CENTRE_ID")
    private long centreId;
    @Column(name = "POSITION_ID")
    private long positionId;
    @Column(name = "DETENTION_CENTRE_ID")
    private long detentionCentreId;
    @Column(name = "TERMINAL_ID")
    private long terminalId;
    @Column(name = "START_AT")
    private LocalDateTime startAt;
    @Column(name = "END_AT")
    private LocalDateTime endAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS")
    private BookingStatus status;
    @Column(name = "STATUS_REASON")
    private String statusReason;
    @Column(name = "CREATED_AT")
    private Timestamp createdAt;
    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    protected BookingEntity() {
    }

    public BookingEntity(long lawyerId, long detaineeId, long caseId, long centreId, long positionId,
            long detentionCentreId, long terminalId, LocalDateTime startAt, LocalDateTime endAt, BookingStatus status,
            Instant now) {
        this.lawyerId = lawyerId;
        this.detaineeId = detaineeId;
        this.caseId = caseId;
        this.centreId = centreId;
        this.positionId = positionId;
        this.detentionCentreId = detentionCentreId;
        this.terminalId = terminalId;
        this.startAt = startAt;
        this.endAt = endAt;
        this.status = status;
        this.createdAt = Timestamp.from(now);
        this.updatedAt = createdAt;
    }

    public long getId() {
        return id;
    }

    public BookingStatus getStatus() {
        return status;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public void setStatus(BookingStatus status, String reason, Instant now) {
        this.status = status;
        this.statusReason = reason;
        this.updatedAt = Timestamp.from(now);
    }

    public void move(long positionId, long terminalId, LocalDateTime startAt, LocalDateTime endAt, Instant now) {
        this.positionId = positionId;
        this.terminalId = terminalId;
        this.startAt = startAt;
        this.endAt = endAt;
        this.updatedAt = Timestamp.from(now);
    }

    public Booking toApi() {
        return new Booking(id, reference, lawyerId, detaineeId, caseId, centreId, positionId, detentionCentreId,
                terminalId, startAt, endAt, status, statusReason, createdAt.toInstant());
    }
}
