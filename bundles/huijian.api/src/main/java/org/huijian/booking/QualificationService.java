package org.huijian.booking;

import java.util.List;
import org.huijian.core.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Lawyer registration and qualification. A registration creates the lawyer, their portal account and a
 * PENDING qualification, then asks the {@link org.huijian.booking.spi.QualificationVerifier}s; a lawyer no
 * verifier can decide waits for an approver's review.
 */
@ProviderType
public interface QualificationService {

    Qualification register(LawyerRegistration registration, String origin);

    Qualification qualification(long lawyerId);

    /** Lawyers waiting for review, oldest first. */
    List<Qualification> pending(Actor actor);

    /** The registration details an approver needs to decide. */
    QualificationReview review(Actor actor, long lawyerId);

    Qualification verify(Actor actor, long lawyerId, String note);

    Qualification suspend(Actor actor, long lawyerId, String reason);
}
