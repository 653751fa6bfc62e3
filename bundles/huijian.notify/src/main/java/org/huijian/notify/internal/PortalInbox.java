package org.huijian.notify.internal;

import java.time.Clock;
import java.util.List;
import javax.persistence.EntityManagerFactory;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.core.NotFoundException;
import org.huijian.notify.Inbox;
import org.huijian.notify.Notification;
import org.huijian.notify.Notifier;
import org.huijian.notify.internal.entity.MessageEntity;
import org.huijian.store.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The in-portal inbox: every notification is kept for its account and shown in the portal. Keeping a message
 * is not a privileged action, so it is not audited; reading one is the owner's own business.
 */
@Component(service = { Notifier.class, Inbox.class })
public class PortalInbox implements Notifier, Inbox {
    private final Store store;
    private final EntityManagerFactory emf;
    private final Clock clock;

    @Activate
    public PortalInbox(@Reference Store store,
            @Reference(target = "(osgi.unit.name=huijian-notify)") EntityManagerFactory emf) {
        this(store, emf, Clock.systemUTC());
    }

    PortalInbox(Store store, EntityManagerFactory emf, Clock clock) {
        this.store = store;
        this.emf = emf;
        this.clock = clock;
        store.migrate("notify", PortalInbox.class.getClassLoader());
    }

    @Override
    public String channel() {
        return "portal";
    }

    @Override
    public void deliver(Notification notification, Recipient recipient) {
        store.transact(emf, em -> {
            em.persist(new MessageEntity(notification));
            return null;
        });
    }

    @Override
    public List<Message> messages(Actor actor, int limit) {
        new Checks().rule(limit >= 1 && limit <= 500, "limit", "must be between 1 and 500").done();
        return store.read(emf, em -> em.createNamedQuery("Message.of", MessageEntity.class)
                .setParameter("username", actor.username()).setMaxResults(limit).getResultList().stream()
                .map(MessageEntity::toApi).toList());
    }

    @Override
    public void markRead(Actor actor, long messageId) {
        store.transact(emf, em -> {
            MessageEntity m = em.find(MessageEntity.class, messageId);
            if (m == null) {
                throw new NotFoundException("message", messageId);
            }
            if (!m.username().equals(actor.username())) {
                throw new AccessDeniedException("this message is someone else's");
            }
            m.read(clock.instant());
            return m;
        });
    }
}
