package org.huijian.notify.internal.entity;

import java.sql.Timestamp;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.notify.Inbox;
import org.huijian.notify.Notification;

@Entity
@Table(name = "HJ_MESSAGE")
@NamedQuery(name = "Message.of", query = "SELECT m FROM MessageEntity m WHERE m.username = :username ORDER BY m.id DESC")
public class MessageEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "USERNAME")
    private String username;
    @Column(name = "TOPIC")
    private String topic;
    @Column(name = "SUBJECT")
    private String subject;
    @Column(name = "BODY")
    private String body;
    @Column(name = "SENT_AT")
    private Timestamp sentAt;
    @Column(name = "READ_AT")
    private Timestamp readAt;

    protected MessageEntity() {
    }

    public MessageEntity(Notification n) {
        username = n.username();
        topic = cut(n.topic(), 64);
        subject = cut(n.subject(), 200);
        body = cut(n.body(), 2000);
        sentAt = Timestamp.from(n.at());
    }

    public String username() {
        return username;
    }

    public void read(java.time.Instant at) {
        if (readAt == null) {
            readAt = Timestamp.from(at);
        }
    }

    public Inbox.Message toApi() {
        return new Inbox.Message(id, new Notification(username, topic, subject, body, sentAt.toInstant()), readAt != null);
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
