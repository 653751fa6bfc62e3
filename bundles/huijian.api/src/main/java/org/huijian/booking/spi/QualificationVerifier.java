package org.huijian.booking.spi;

import org.huijian.directory.LawFirm;
import org.huijian.directory.Lawyer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks a lawyer's licence, e.g. against a bar association's registry. Register as an OSGi service; every
 * verifier is asked in order of service ranking until one decides.
 */
@ConsumerType
public interface QualificationVerifier {

    /** The verdict on a lawyer. */
    record Verdict(Decision decision, String reason) {
    }

    enum Decision {
        /** The licence is valid and belongs to this lawyer and firm. */
        VERIFIED,
        /** The registry knows the licence and says no (revoked, another name, another firm). */
        REFUSED,
        /** This verifier cannot tell; ask the next one, or leave it to an approver. */
        UNKNOWN
    }

    /** A short name shown as who decided, e.g. {@code csv-registry}. */
    String name();

    /** Must answer within a few seconds; throwing counts as UNKNOWN. */
    Verdict check(Lawyer lawyer, LawFirm firm);
}
