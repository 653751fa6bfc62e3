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
import javax.persistence.Table;
import org.huijian.booking.Document;
import org.huijian.booking.DocumentKind;

@Entity
@Table(name = "HJ_DOCUMENT")
public class DocumentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "LAWYER_ID")
    private Long lawyerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "KIND")
    private DocumentKind kind;
    @Column(name = "FILE_NAME")
    private String fileName;
    @Column(name = "MEDIA_TYPE")
    private String mediaType;
    @Column(name = "SIZE_BYTES")
    private long size;
    @Column(name = "SHA256")
    private String sha256;
    @Column(name = "UPLOADED_AT")
    private Timestamp uploadedAt;
    @Column(name = "UPLOADED_BY")
    private String uploadedBy;

    protected DocumentEntity() {
    }

    public DocumentEntity(Long lawyerId, DocumentKind kind, String fileName, String mediaType, long size, String sha256,
            String uploadedBy, Instant now) {
        this.lawyerId = lawyerId;
        this.kind = kind;
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Timestamp.from(now);
    }

    public Long lawyerId() {
        return lawyerId;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public void setLawyerId(long lawyerId) {
        this.lawyerId = lawyerId;
    }

    public Document toApi() {
        return new Document(id, lawyerId == null ? 0 : lawyerId, kind, fileName, mediaType, size, sha256,
                uploadedAt.toInstant());
    }
}
