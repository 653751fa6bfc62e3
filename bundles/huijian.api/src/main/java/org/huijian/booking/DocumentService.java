package org.huijian.booking;

import java.io.InputStream;
import org.huijian.core.Actor;
import org.osgi.annotation.versioning.ProviderType;

/** Papers lawyers upload for registration and bookings. Only the owner and staff read them. */
@ProviderType
public interface DocumentService {

    /**
     * Stores a paper of the acting lawyer (or, for staff, of {@code lawyerId}).
     *
     * @throws org.huijian.core.InvalidInputException when the content is not a PDF, JPEG or PNG, or is larger
     *         than the site allows; nothing is stored then
     */
    Document store(Actor actor, Long lawyerId, DocumentKind kind, String fileName, InputStream content);

    Document document(Actor actor, long documentId);

    /** The stored bytes, checked against the SHA-256 taken when stored. */
    byte[] content(Actor actor, long documentId);
}
