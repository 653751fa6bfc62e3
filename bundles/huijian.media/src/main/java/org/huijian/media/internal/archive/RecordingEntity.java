package org.huijian.media.internal.archive;

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
import org.huijian.media.Recording;

/** One party's recording file of a meeting: registered when it starts, sealed (size, SHA-256) when it ends. */
@Entity
@Table(name = "HJ_RECORDING")
@NamedQueries({
    @NamedQuery(name = "Recording.ofMeeting",
            query = "SELECT r FROM RecordingEntity r WHERE r.meetingId = :meetingId ORDER BY r.party, r.part"),
    @NamedQuery(name = "Recording.open", query = "SELECT r FROM RecordingEntity r WHERE r.endedAt IS NULL"),
    @NamedQuery(name = "Recording.part", query = "SELECT r FROM RecordingEntity r "
            + "WHERE r.meetingId = :meetingId AND r.party = :party AND r.part = :part"),
    @NamedQuery(name = "Recording.lastPart", query = "SELECT MAX(r.part) FROM RecordingEntity r "
            + "WHERE r.meetingId = :meetingId AND r.party = :party"),
    @NamedQuery(name = "Recording.recentMeetings",
            query = "SELECT r.meetingId FROM RecordingEntity r GROUP BY r.meetingId ORDER BY r.meetingId DESC")
})
public class RecordingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "MEETING_ID")
    private long meetingId;
    @Column(name = "PARTY")
    private String party;
    @Column(name = "PART")
    private int part;
    @Column(name = "FILE_NAME")
    private String fileName;
    @Column(name = "STARTED_AT")
    private Timestamp startedAt;
    @Column(name = "ENDED_AT")
    private Timestamp endedAt;
    @Column(name = "SIZE_BYTES")
    private long sizeBytes;
    @Column(name = "FRAMES")
    private long frames;
    @Column(name = "DURATION_MS")
    private long durationMs;
    @Column(name = "SHA256")
    private String sha256;
    @Column(name = "INTERRUPTED")
    private boolean interrupted;

    protected RecordingEntity() {
    }

    public RecordingEntity(long meetingId, String party, int part, String fileName, Instant startedAt) {
        this.meetingId = meetingId;
        this.party = party;
        this.part = part;
        this.fileName = fileName;
        this.startedAt = Timestamp.from(startedAt);
    }

    /** The file is complete: what it holds and its hash. */
    public void seal(Instant endedAt, long sizeBytes, long frames, long durationMs, String sha256, boolean interrupted) {
        this.endedAt = Timestamp.from(endedAt);
        this.sizeBytes = sizeBytes;
        this.frames = frames;
        this.durationMs = durationMs;
        this.sha256 = sha256;
        this.interrupted = interrupted;
    }

    public long meetingId() {
        return meetingId;
    }

    public String party() {
        return party;
    }

    public int part() {
        return part;
    }

    public String fileName() {
        return fileName;
    }

    public Instant startedAt() {
        return startedAt.toInstant();
    }

    public boolean open() {
        return endedAt == null;
    }

    public Recording toApi() {
        return new Recording(meetingId, party, part, startedAt.toInstant(), endedAt == null ? null : endedAt.toInstant(),
                sizeBytes, frames, durationMs, sha256, interrupted);
    }
}
