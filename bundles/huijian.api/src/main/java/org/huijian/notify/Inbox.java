package org.huijian.notify;

import java.util.List;
import org.huijian.core.Actor;
import org.osgi.annotation.versioning.ProviderType;

/** The in-portal messages of the acting account. */
@ProviderType
public interface Inbox {

    /** A stored message and whether its owner has read it. */
    record Message(long id, Notification notification, boolean read) {
    }

    List<Message> messages(Actor actor, int limit);

    void markRead(Actor actor, long messageId);
}
