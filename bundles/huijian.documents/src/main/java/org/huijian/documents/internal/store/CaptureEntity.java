package org.huijian.documents.internal.store;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/**
 * One capture shown in a meeting (文书展示): who showed it and when, the original image and its hash, and — once
 * processed — the straight page, its hash, the angle and the text lines. The images are loaded only when asked for.
 */
@Entity
@Table(name = "HJ_DOCUMENT_CAPTURE")
@NamedQueries({
    @NamedQuery(name = "Capture.ofMeeting",
            query = "SELECT c FROM CaptureEntity c WHERE c.meetingId = :meetingId ORDER BY c.seq"),
    @NamedQuery(name = "Capture.one",
            query = "SELECT c FROM CaptureEntity c WHERE c.meetingId = :meetingId AND c.seq = :seq"),
    @NamedQuery(name = "Capture.lastSeq",
            query = "SELECT MAX(c.seq) FROM CaptureEntity c WHERE c.meetingId = :meetingId"),
    @NamedQuery(name = "Capture.unfinished",
            query = "SELECT c FROM CaptureEntity c WHERE c.state = 'QUEUED' OR c.state = 'PROCESSING'")
})
public class CaptureEntity {
    public static final String QUEUED = "QUEUED";
    public static final String PROCESSING = "PROCESSING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "MEETING_ID")
    private long meetingId;
    @Column(name = "SEQ")
    private int seq;
    @Column(name = "TERMINAL_ID")
    private long terminalId;
    @Column(name = "TERMINAL_NAME")
    private String terminalName;
    @Column(name = "LAWYER_NAME")
    private String lawyerName;
    @Column(name = "SOURCE")
    private String source;
    @Column(name = "CREATED_AT")
    private Timestamp createdAt;
    @Column(name = "MEDIA_TYPE")
    private String mediaType;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "ORIGINAL")
    private byte[] original;
    @Column(name = "ORIGINAL_SHA256")
    private String originalSha256;
    @Column(name = "ORIGINAL_BYTES")
    private long originalBytes;
    @Column(name = "STATE")
    private String state;
    @Column(name = "REASON")
    private String reason;
    @Column(name = "FINISHED_AT")
    private Timestamp finishedAt;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "PAGE_PNG")
    private byte[] pagePng;
    @Column(name = "PAGE_SHA256")
    private String pageSha256;
    @Column(name = "PAGE_WIDTH")
    private Integer pageWidth;
    @Column(name = "PAGE_HEIGHT")
    private Integer pageHeight;
    @Column(name = "ANGLE")
    private Double angle;
    @Column(name = "CONFIDENCE")
    private Double confidence;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "LINES_JSON")
    private String linesJson;

    protected CaptureEntity() {
    }

    public CaptureEntity(long meetingId, int seq, long terminalId, String terminalName, String lawyerName,
            String source, Instant createdAt, String mediaType, byte[] original, String originalSha256) {
        this.meetingId = meetingId;
        this.seq = seq;
        this.terminalId = terminalId;
        this.terminalName = terminalName;
        this.lawyerName = lawyerName;
        this.source = source;
        this.createdAt = Timestamp.from(createdAt);
        this.mediaType = mediaType;
        this.original = original;
        this.originalSha256 = originalSha256;
        this.originalBytes = original.length;
        this.state = QUEUED;
    }

    /** The page was straightened and read: all of it is stored at once. */
    public void done(Instant at, byte[] png, String sha256, int width, int height, double angle, double confidence,
            String linesJson) {
        this.state = DONE;
        this.finishedAt = Timestamp.from(at);
        this.pagePng = png;
        this.pageSha256 = sha256;
        this.pageWidth = width;
        this.pageHeight = height;
        this.angle = angle;
        this.confidence = confidence;
        this.linesJson = linesJson;
        this.reason = null;
    }

    /** The page could not be processed; the capture stays, with why. */
    public void failed(Instant at, String reason) {
        this.state = FAILED;
        this.finishedAt = Timestamp.from(at);
        this.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    public void processing() {
        if (QUEUED.equals(state)) {
            state = PROCESSING;
        }
    }

    public long id() {
        return id;
    }

    public long meetingId() {
        return meetingId;
    }

    public int seq() {
        return seq;
    }

    public long terminalId() {
        return terminalId;
    }

    public String terminalName() {
        return terminalName;
    }

    public String lawyerName() {
        return lawyerName;
    }

    public String source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] original() {
        return original;
    }

    public String originalSha256() {
        return originalSha256;
    }

    public long originalBytes() {
        return originalBytes;
    }

    public String state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public Instant finishedAt() {
        return finishedAt == null ? null : finishedAt.toInstant();
    }

    public byte[] pagePng() {
        return pagePng;
    }

    public String pageSha256() {
        return pageSha256;
    }

    public Integer pageWidth() {
        return pageWidth;
    }

    public Integer pageHeight() {
        return pageHeight;
    }

    public Double angle() {
        return angle;
    }

    public Double confidence() {
        return confidence;
    }

    public String linesJson() {
        return linesJson;
    }
}
