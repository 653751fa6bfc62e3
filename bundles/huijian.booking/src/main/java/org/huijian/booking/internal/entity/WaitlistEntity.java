package org.huijian.booking.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
import org.huijian.booking.WaitlistEntry;

@Entity
@Table(name = "HJ_WAITLIST")
@NamedQueries({
        @NamedQuery(name = "Waitlist.ofLawyer", query = "SELECT w FROM WaitlistEntity w WHERE w.lawyerId = :lawyerId "
                + "ORDER BY w.onDate DESC, w.id DESC"),
        @NamedQuery(name = "Waitlist.waiting", query = "SELECT w FROM WaitlistEntity w WHERE w.centreId = :centre "
                + "AND w.detentionCentreId = :dc AND w.onDate = :date AND w.status = :status ORDER BY w.id"),
        @NamedQuery(name = "Waitlist.offersExpiring", query = "SELECT w FROM WaitlistEntity w WHERE w.status = :status "
                + "AND w.offerExpiresAt < :now"),
        @NamedQuery(name = "Waitlist.same", query = "SELECT w FROM WaitlistEntity w WHERE w.lawyerId = :lawyerId "
                + "AND w.detaineeId = :detainee AND w.onDate = :date AND w.status IN :live")
})
public class WaitlistEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "LAWYER_ID")
    private long lawyerId;
    @Column(name = "DETAINEE_ID")
    private long detaineeId;
    @Column(name = "CASE_ID")
    private long caseId;
    @Column(name = "CENTRE_ID")
    private long centreId;
    @Column(name = "DETENTION_CENTRE_ID")
    private long detentionCentreId;
    @Column(name = "ON_DATE")
    private LocalDate onDate;
    @Column(name = "SLOTS")
    private int slots;
    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS")
    private WaitlistEntry.Status status;
    @Column(name = "OFFERED_BOOKING_ID")
    private Long offeredBookingId;
    @Column(name = "OFFER_EXPIRES_AT")
    private Timestamp offerExpiresAt;
    @Column(name = "CREATED_AT")
    private Timestamp createdAt;

    protected WaitlistEntity() {
    }

    public WaitlistEntity(long lawyerId, long detaineeId, long caseId, long centreId, long detentionCentreId,
            LocalDate onDate, int slots, Instant now) {
        this.lawyerId = lawyerId;
        this.detaineeId = detaineeId;
        this.caseId = caseId;
        this.centreId = centreId;
        this.detentionCentreId = detentionCentreId;
        this.onDate = onDate;
        this.slots = slots;
        this.status = WaitlistEntry.Status.WAITING;
        this.createdAt = Timestamp.from(now);
    }

    public void setStatus(WaitlistEntry.Status status, Long bookingId, Instant expires) {
        this.status = status;
        this.offeredBookingId = bookingId;
        this.offerExpiresAt = expires == null ? null : Timestamp.from(expires);
    }

    public WaitlistEntry toApi() {
        return new WaitlistEntry(id, lawyerId, detaineeId, caseId, centreId, detentionCentreId, onDate, slots, status,
                offeredBookingId, offerExpiresAt == null ? null : offerExpiresAt.toInstant(), createdAt.toInstant());
    }
}
