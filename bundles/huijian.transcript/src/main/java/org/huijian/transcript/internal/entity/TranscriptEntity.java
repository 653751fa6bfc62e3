package org.huijian.transcript.internal.entity;

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
 * A meeting's transcript row: state, version, header and turns (JSON), the signature as captured (JSON) and drawn
 * (PNG), and the sealed PDF with its SHA-256. The PDF and the signature are loaded only when asked for.
 */
@Entity
@Table(name = "HJ_TRANSCRIPT")
@NamedQueries({
    @NamedQuery(name = "Transcript.ofMeeting", query = "SELECT t FROM TranscriptEntity t WHERE t.meetingId = :meetingId"),
    @NamedQuery(name = "Transcript.byPdf", query = "SELECT t FROM TranscriptEntity t WHERE t.pdfSha256 = :sha")
})
public class TranscriptEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "MEETING_ID")
    private long meetingId;
    @Column(name = "STATE")
    private String state;
    @Column(name = "VERSION")
    private long version;
    @Column(name = "LAWYER_TERMINAL_ID")
    private long lawyerTerminalId;
    @Column(name = "DETAINEE_TERMINAL_ID")
    private long detaineeTerminalId;
    @Lob
    @Column(name = "HEADER_JSON")
    private String headerJson;
    @Lob
    @Column(name = "TURNS_JSON")
    private String turnsJson;
    @Column(name = "CREATED_AT")
    private Timestamp createdAt;
    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;
    @Column(name = "SUBMITTED_AT")
    private Timestamp submittedAt;
    @Column(name = "SIGNED_AT")
    private Timestamp signedAt;
    @Column(name = "SIGNATURE_SOURCE")
    private String signatureSource;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "SIGNATURE_JSON")
    private String signatureJson;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "SIGNATURE_PNG")
    private byte[] signaturePng;
    @Column(name = "SEALED_AT")
    private Timestamp sealedAt;
    @Column(name = "CONTENT_HASH")
    private String contentHash;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "PDF")
    private byte[] pdf;
    @Column(name = "PDF_SHA256")
    private String pdfSha256;
    @Column(name = "PDF_BYTES")
    private Long pdfBytes;
    @Column(name = "SEAL_PROBLEM")
    private String sealProblem;

    protected TranscriptEntity() {
    }

    public TranscriptEntity(long meetingId, long lawyerTerminalId, long detaineeTerminalId, String headerJson,
            Instant now) {
        this.meetingId = meetingId;
        this.lawyerTerminalId = lawyerTerminalId;
        this.detaineeTerminalId = detaineeTerminalId;
        this.headerJson = headerJson;
        this.turnsJson = "[]";
        this.state = "DRAFT";
        this.version = 1;
        this.createdAt = Timestamp.from(now);
        this.updatedAt = this.createdAt;
    }

    private static Instant at(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** Any change: the next version, the time. */
    public void changed(String newState, Instant now) {
        state = newState;
        version++;
        updatedAt = ts(now);
    }

    public void text(String newHeaderJson, String newTurnsJson) {
        headerJson = newHeaderJson;
        turnsJson = newTurnsJson;
    }

    public void submitted(Instant at) {
        submittedAt = ts(at);
    }

    public void withdrawn() {
        submittedAt = null;
    }

    public void signed(Instant at, String source, String json, byte[] png) {
        signedAt = ts(at);
        signatureSource = source;
        signatureJson = json;
        signaturePng = png;
    }

    public void sealed(Instant at, String hash, byte[] sealedPdf, String sha) {
        sealedAt = ts(at);
        contentHash = hash;
        pdf = sealedPdf;
        pdfSha256 = sha;
        pdfBytes = (long) sealedPdf.length;
        sealProblem = null;
    }

    public void sealFailed(String problem) {
        sealProblem = problem == null ? null : problem.length() > 500 ? problem.substring(0, 500) : problem;
    }

    public long id() {
        return id;
    }

    public long meetingId() {
        return meetingId;
    }

    public String state() {
        return state;
    }

    public long version() {
        return version;
    }

    public long lawyerTerminalId() {
        return lawyerTerminalId;
    }

    public long detaineeTerminalId() {
        return detaineeTerminalId;
    }

    public String headerJson() {
        return headerJson;
    }

    public String turnsJson() {
        return turnsJson;
    }

    public Instant createdAt() {
        return at(createdAt);
    }

    public Instant updatedAt() {
        return at(updatedAt);
    }

    public Instant submittedAt() {
        return at(submittedAt);
    }

    public Instant signedAt() {
        return at(signedAt);
    }

    public String signatureSource() {
        return signatureSource;
    }

    public String signatureJson() {
        return signatureJson;
    }

    public byte[] signaturePng() {
        return signaturePng;
    }

    public Instant sealedAt() {
        return at(sealedAt);
    }

    public String contentHash() {
        return contentHash;
    }

    public byte[] pdf() {
        return pdf;
    }

    public String pdfSha256() {
        return pdfSha256;
    }

    public Long pdfBytes() {
        return pdfBytes;
    }

    public String sealProblem() {
        return sealProblem;
    }
}
