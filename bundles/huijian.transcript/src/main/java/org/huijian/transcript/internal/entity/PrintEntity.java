package org.huijian.transcript.internal.entity;

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

/** One print job of a sealed transcript, with the state the printer last reported. */
@Entity
@Table(name = "HJ_TRANSCRIPT_PRINT")
@NamedQueries({
    @NamedQuery(name = "Print.ofTranscript",
            query = "SELECT p FROM PrintEntity p WHERE p.transcriptId = :transcriptId ORDER BY p.seq"),
    @NamedQuery(name = "Print.lastSeq",
            query = "SELECT MAX(p.seq) FROM PrintEntity p WHERE p.transcriptId = :transcriptId")
})
public class PrintEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "TRANSCRIPT_ID")
    private long transcriptId;
    @Column(name = "SEQ")
    private int seq;
    @Column(name = "PRINTER_ID")
    private String printerId;
    @Column(name = "PRINTER_NAME")
    private String printerName;
    @Column(name = "JOB_ID")
    private String jobId;
    @Column(name = "STATE")
    private String state;
    @Column(name = "MESSAGE")
    private String message;
    @Column(name = "REQUESTED_BY")
    private String requestedBy;
    @Column(name = "REQUESTED_AT")
    private Timestamp requestedAt;
    @Column(name = "UPDATED_AT")
    private Timestamp updatedAt;

    protected PrintEntity() {
    }

    public PrintEntity(long transcriptId, int seq, String printerId, String printerName, String jobId, String state,
            String message, String requestedBy, Instant now) {
        this.transcriptId = transcriptId;
        this.seq = seq;
        this.printerId = printerId;
        this.printerName = printerName;
        this.jobId = jobId;
        this.requestedBy = requestedBy;
        this.requestedAt = Timestamp.from(now);
        update(state, message, now);
    }

    public void update(String newState, String newMessage, Instant now) {
        state = newState;
        message = newMessage == null ? null : newMessage.length() > 500 ? newMessage.substring(0, 500) : newMessage;
        updatedAt = Timestamp.from(now);
    }

    public long id() {
        return id;
    }

    public long transcriptId() {
        return transcriptId;
    }

    public int seq() {
        return seq;
    }

    public String printerId() {
        return printerId;
    }

    public String printerName() {
        return printerName;
    }

    public String jobId() {
        return jobId;
    }

    public String state() {
        return state;
    }

    public String message() {
        return message;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }
}
