package org.huijian.meeting.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** One thing that happened in a meeting, kept for its record. */
@Entity
@Table(name = "HJ_MEETING_EVENT")
@NamedQuery(name = "MeetingEvent.of", query = "SELECT e FROM MeetingEventEntity e WHERE e.meetingId = :meetingId ORDER BY e.id")
public class MeetingEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "MEETING_ID")
    private long meetingId;
    @Column(name = "OCCURRED_AT")
    private Timestamp at;
    @Column(name = "KIND")
    private String kind;
    @Column(name = "BY_WHOM")
    private String by;
    @Column(name = "DETAIL")
    private String detail;

    protected MeetingEventEntity() {
    }

    public MeetingEventEntity(long meetingId, Instant at, String kind, String by, String detail) {
        this.meetingId = meetingId;
        this.at = Timestamp.from(at);
        this.kind = kind;
        this.by = by.length() <= 100 ? by : by.substring(0, 100);
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public long meetingId() {
        return meetingId;
    }

    public Instant at() {
        return at.toInstant();
    }

    public String kind() {
        return kind;
    }

    public String by() {
        return by;
    }

    public String detail() {
        return detail;
    }
}
