package org.huijian.accounts.spi;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.huijian.audit.AuditEntry;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps account records. The platform's store implements it on the site database; a site may provide
 * its own. Each write and its audit entry are one transaction: both happen or neither.
 */
@ConsumerType
public interface AccountStore {

    List<AccountRecord> list();

    Optional<AccountRecord> find(String username);

    /** The records that belong to a lawyer. Stores with many accounts should answer from an index. */
    default List<AccountRecord> findByLawyer(long lawyerId) {
        return list().stream().filter(r -> r.lawyerId() != null && r.lawyerId() == lawyerId).toList();
    }

    /**
     * Inserts a new record (its {@code id} is ignored and assigned).
     *
     * @throws org.huijian.core.ConflictException when the user name is taken
     */
    AccountRecord insert(AccountRecord record, AuditEntry audit);

    /**
     * Reads the record under a write lock, applies {@code change} and writes the result with
     * {@code audit}, in one transaction. {@code change} may be called more than once; it must not have
     * side effects.
     *
     * @throws org.huijian.core.NotFoundException when there is no such account
     */
    AccountRecord update(String username, UnaryOperator<AccountRecord> change, AuditEntry audit);

    /** How many accounts hold the role; used to keep at least one site administrator. */
    long countWithRole(org.huijian.core.Role role);
}
