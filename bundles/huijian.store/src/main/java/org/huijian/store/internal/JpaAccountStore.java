package org.huijian.store.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.persistence.EntityManager;
import org.huijian.accounts.spi.AccountRecord;
import org.huijian.accounts.spi.AccountStore;
import org.huijian.audit.AuditEntry;
import org.huijian.core.ConflictException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.store.internal.entity.AccountEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = AccountStore.class)
public class JpaAccountStore implements AccountStore {
    private final Database db;

    @Activate
    public JpaAccountStore(@Reference Database db) {
        this.db = db;
    }

    @Override
    public List<AccountRecord> list() {
        return db.read(em -> em.createNamedQuery("Account.all", AccountEntity.class).getResultList().stream()
                .map(AccountEntity::toRecord).toList());
    }

    @Override
    public Optional<AccountRecord> find(String username) {
        return db.read(em -> byUsername(em, username).map(AccountEntity::toRecord));
    }

    @Override
    public List<AccountRecord> findByLawyer(long lawyerId) {
        return db.read(em -> em.createNamedQuery("Account.byLawyer", AccountEntity.class).setParameter("lawyerId", lawyerId)
                .getResultList().stream().map(AccountEntity::toRecord).toList());
    }

    @Override
    public AccountRecord insert(AccountRecord record, AuditEntry audit) {
        return db.write(em -> {
            if (byUsername(em, record.username()).isPresent()) {
                throw new ConflictException("username", "an account named " + record.username() + " already exists");
            }
            AccountEntity entity = new AccountEntity(record);
            em.persist(entity);
            em.flush();
            return entity.toRecord();
        }, r -> audit);
    }

    @Override
    public AccountRecord update(String username, UnaryOperator<AccountRecord> change, AuditEntry audit) {
        return db.write(em -> {
            AccountEntity entity = byUsername(em, username)
                    .orElseThrow(() -> new NotFoundException("account", username));
            entity.update(change.apply(entity.toRecord()));
            return entity.toRecord();
        }, r -> audit);
    }

    @Override
    public long countWithRole(Role role) {
        return db.read(em -> (long) em.createNamedQuery("Account.withRole", AccountEntity.class)
                .setParameter("pattern", "%," + role.id() + ",%").getResultList().size());
    }

    private static Optional<AccountEntity> byUsername(EntityManager em, String username) {
        return em.createNamedQuery("Account.byUsername", AccountEntity.class).setParameter("username", username)
                .getResultList().stream().findFirst();
    }
}
