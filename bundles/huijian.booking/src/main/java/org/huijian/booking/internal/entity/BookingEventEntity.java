package org.huijian.booking.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.booking.BookingEvent;
import org.huijian.booking.BookingStatus;

@Entity
@Table(name = "HJ_BOOKING_EVENT")
@NamedQuery(name = "BookingEvent.of", query = "SELECT e FROM BookingEventEntity e WHERE e.bookingId = :bookingId ORDER BY e.id")
public class BookingEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "BOOKING_ID")
    private long bookingId;
    @Column(name = "OCCURRED_AT")
    private Timestamp at;
    @Column(name = "ACTOR")
    private String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATUS")
    private BookingStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATUS")
    private BookingStatus toStatus;
    @Column(name = "REASON")
    private String reason;

    protected BookingEventEntity() {
    }

    public BookingEventEntity(long bookingId, Instant at, String actor, BookingStatus from, BookingStatus to,
            String reason) {
        this.bookingId = bookingId;
        this.at = Timestamp.from(at);
        this.actor = actor;
        this.fromStatus = from;
        this.toStatus = to;
        this.reason = reason;
    }

    public BookingEvent toApi() {
        return new BookingEvent(at.toInstant(), actor, fromStatus, toStatus, reason);
    }
}
