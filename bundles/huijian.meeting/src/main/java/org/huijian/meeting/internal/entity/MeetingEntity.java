package org.huijian.meeting.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
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
import org.huijian.meeting.MeetingState;

/** A meeting's row: what its flow needs to carry on after a restart. */
@Entity
@Table(name = "HJ_MEETING")
@NamedQueries({
    @NamedQuery(name = "Meeting.ofBooking", query = "SELECT m FROM MeetingEntity m WHERE m.bookingId = :bookingId"),
    @NamedQuery(name = "Meeting.inStates", query = "SELECT m FROM MeetingEntity m WHERE m.state IN :states ORDER BY m.id") })
public class MeetingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "BOOKING_ID")
    private long bookingId;
    @Column(name = "LAWYER_TERMINAL_ID")
    private long lawyerTerminalId;
    @Column(name = "DETAINEE_TERMINAL_ID")
    private long detaineeTerminalId;
    @Column(name = "BOOKED_START")
    private Timestamp bookedStart;
    @Column(name = "BOOKED_END")
    private Timestamp bookedEnd;
    @Enumerated(EnumType.STRING)
    @Column(name = "STATE")
    private MeetingState state;
    @Column(name = "READY_AT")
    private Timestamp readyAt;
    @Column(name = "CONNECTED_AT")
    private Timestamp connectedAt;
    @Column(name = "LIMIT_MINUTES")
    private Integer limitMinutes;
    @Column(name = "ENDED_AT")
    private Timestamp endedAt;
    @Column(name = "END_REASON")
    private String endReason;
    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    protected MeetingEntity() {
    }

    public MeetingEntity(long bookingId, long lawyerTerminalId, long detaineeTerminalId, Instant bookedStart,
            Instant bookedEnd, Instant now) {
        this.bookingId = bookingId;
        this.lawyerTerminalId = lawyerTerminalId;
        this.detaineeTerminalId = detaineeTerminalId;
        this.bookedStart = Timestamp.from(bookedStart);
        this.bookedEnd = Timestamp.from(bookedEnd);
        this.state = MeetingState.WAITING;
        this.updatedAt = Timestamp.from(now);
    }

    /** Copies the flow's state in. */
    public void update(MeetingState state, Instant readyAt, Instant connectedAt, Integer limitMinutes, Instant endedAt,
            String endReason, Instant now) {
        this.state = state;
        this.readyAt = ts(readyAt);
        this.connectedAt = ts(connectedAt);
        this.limitMinutes = limitMinutes;
        this.endedAt = ts(endedAt);
        this.endReason = endReason == null || endReason.length() <= 500 ? endReason : endReason.substring(0, 500);
        this.updatedAt = Timestamp.from(now);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant in(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    public long getId() {
        return id;
    }

    public long bookingId() {
        return bookingId;
    }

    public long lawyerTerminalId() {
        return lawyerTerminalId;
    }

    public long detaineeTerminalId() {
        return detaineeTerminalId;
    }

    public Instant bookedStart() {
        return in(bookedStart);
    }

    public Instant bookedEnd() {
        return in(bookedEnd);
    }

    public MeetingState state() {
        return state;
    }

    public Instant readyAt() {
        return in(readyAt);
    }

    public Instant connectedAt() {
        return in(connectedAt);
    }

    public Integer limitMinutes() {
        return limitMinutes;
    }

    public Instant endedAt() {
        return in(endedAt);
    }

    public String endReason() {
        return endReason;
    }
}
