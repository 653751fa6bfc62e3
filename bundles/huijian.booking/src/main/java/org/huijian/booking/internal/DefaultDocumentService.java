package org.huijian.booking.internal;

import static org.huijian.core.Role.APPROVER;
import static org.huijian.core.Role.LAWYER;
import static org.huijian.core.Role.SITE_ADMIN;
import static org.huijian.core.Role.SUPERVISOR;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.huijian.accounts.AccountService;
import org.huijian.audit.AuditEntry;
import org.huijian.booking.Document;
import org.huijian.booking.DocumentKind;
import org.huijian.booking.DocumentService;
import org.huijian.booking.internal.entity.DocumentEntity;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Uploaded papers: the bytes in a folder under their SHA-256 (written before the database row, so a row
 * never points at nothing), the facts in the database. Content is sniffed and size-limited before
 * anything is stored.
 */
@Component(service = DocumentService.class, configurationPid = BookingConfig.PID)
public class DefaultDocumentService implements DocumentService {
    private final BookingUnit unit;
    private final AccountService accounts;
    private final Path folder;
    private final long maxBytes;
    private final Clock clock;

    @Activate
    public DefaultDocumentService(@Reference BookingUnit unit, @Reference AccountService accounts, BookingConfig config) {
        this(unit, accounts, config.documentFolder().isBlank()
                ? Path.of(System.getProperty("karaf.data", "data"), "huijian", "documents")
                : Path.of(config.documentFolder()), config.maxDocumentBytes(), Clock.systemUTC());
    }

    DefaultDocumentService(BookingUnit unit, AccountService accounts, Path folder, long maxBytes, Clock clock) {
        this.unit = unit;
        this.accounts = accounts;
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    @Override
    public Document store(Actor actor, Long lawyerId, DocumentKind kind, String fileName, InputStream content) {
        actor.require(LAWYER, SITE_ADMIN, APPROVER);
        long owner = owner(actor, lawyerId);
        new Checks().required("kind", kind).text("fileName", fileName, 200).required("content", content).done();
        byte[] bytes;
        try {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new InvalidInputException("content", "could not be read: " + e.getMessage());
        }
        new Checks().rule(bytes.length > 0, "content", "is empty")
                .rule(bytes.length <= maxBytes, "content", "is larger than " + maxBytes / (1024 * 1024) + " MB").done();
        String mediaType = Sniffer.mediaType(bytes);
        if (mediaType == null) {
            throw new InvalidInputException("content", "is not a PDF, JPEG or PNG file (whatever its name says)");
        }
        String sha = sha256(bytes);
        write(sha, bytes);
        String name = Path.of(fileName.strip()).getFileName().toString();
        return unit.write(em -> {
            DocumentEntity e = new DocumentEntity(owner, kind, name, mediaType, bytes.length, sha, actor.username(),
                    clock.instant());
            em.persist(e);
            em.flush();
            if (kind == DocumentKind.LICENCE_PHOTO) {
                org.huijian.booking.internal.entity.QualificationEntity q =
                        em.find(org.huijian.booking.internal.entity.QualificationEntity.class, owner);
                if (q != null) {
                    q.licencePhoto(e.toApi().id());
                }
            }
            return e.toApi();
        }, d -> new AuditEntry(actor, "document.upload", "document:" + d.id(), kind + " " + mediaType + " "
                + bytes.length + " bytes sha256 " + sha));
    }

    @Override
    public Document document(Actor actor, long documentId) {
        DocumentEntity e = unit.read(em -> em.find(DocumentEntity.class, documentId));
        if (e == null) {
            throw new NotFoundException("document", documentId);
        }
        Document d = e.toApi();
        if (!(actor.has(SITE_ADMIN) || actor.has(APPROVER) || actor.has(SUPERVISOR))) {
            Long own = actor.has(LAWYER) ? accounts.account(actor.username()).lawyerId() : null;
            if (own == null || own != d.lawyerId()) {
                throw new AccessDeniedException("only its owner and the site's staff may read this document");
            }
        }
        return d;
    }

    @Override
    public byte[] content(Actor actor, long documentId) {
        Document d = document(actor, documentId);
        try {
            byte[] bytes = Files.readAllBytes(folder.resolve(d.sha256()));
            if (!sha256(bytes).equals(d.sha256())) {
                throw new IllegalStateException("document " + documentId + " was changed on disk");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("document " + documentId + " cannot be read", e);
        }
    }

    private long owner(Actor actor, Long lawyerId) {
        if (actor.has(SITE_ADMIN) || actor.has(APPROVER)) {
            new Checks().required("lawyerId", lawyerId).done();
            return lawyerId;
        }
        Long own = accounts.account(actor.username()).lawyerId();
        if (own == null || (lawyerId != null && !lawyerId.equals(own))) {
            throw new AccessDeniedException("a lawyer uploads only their own documents");
        }
        return own;
    }

    private void write(String sha, byte[] bytes) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(sha);
            if (Files.exists(target)) {
                return;
            }
            Path tmp = Files.createTempFile(folder, sha, ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the document", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
