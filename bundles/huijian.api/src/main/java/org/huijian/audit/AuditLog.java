package org.huijian.audit;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The append-only audit log. Appends are serialised: each event seals the one before it. */
@ProviderType
public interface AuditLog {

    /** Appends in a transaction of its own. */
    AuditEvent append(AuditEntry entry);

    /** Events in sequence order with {@code seq > afterSeq}, at most {@code limit} (1..1000). */
    List<AuditEvent> events(long afterSeq, int limit);

    /**
     * The newest events, newest first; when {@code actionPrefix} is neither null nor blank, only those whose
     * action starts with it.
     */
    List<AuditEvent> latest(String actionPrefix, int limit);

    /** Checks every seal and link of the chain. */
    ChainVerification verify();
}
