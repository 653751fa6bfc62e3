package org.huijian.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.persistence.EntityManagerFactory;
import org.apache.openjpa.persistence.PersistenceProviderImpl;
import org.huijian.core.AccessDeniedException;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.notify.Notification;
import org.huijian.notify.Notifier;
import org.huijian.store.internal.TestDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyTest {
    @TempDir
    Path dir;

    static final Notification APPROVED = new Notification("chen.zhiyuan", "booking.approved",
            "预约已通过：YY20261201-000001", "预约号 YY20261201-000001，2026-12-01 09:30–10:30。", Instant.now());

    @Test
    void theInboxKeepsEachAccountsMessages() throws Exception {
        try (TestDb db = new TestDb(dir)) {
            EntityManagerFactory emf = new PersistenceProviderImpl().createEntityManagerFactory("huijian-notify",
                    Map.of("openjpa.ConnectionFactory", db.dataSource, "javax.persistence.nonJtaDataSource", db.dataSource));
            try {
                PortalInbox inbox = new PortalInbox(db.db, emf);
                inbox.deliver(APPROVED, new Notifier.Recipient("chen.zhiyuan", "陈志远", null, null));
                Actor chen = new Actor("chen.zhiyuan", Set.of(Role.LAWYER), "test");
                Actor other = new Actor("lin.xiaofeng", Set.of(Role.LAWYER), "test");
                assertEquals(1, inbox.messages(chen, 10).size());
                assertEquals(0, inbox.messages(other, 10).size());
                long id = inbox.messages(chen, 10).get(0).id();
                assertEquals("预约已通过：YY20261201-000001", inbox.messages(chen, 10).get(0).notification().subject());
                assertThrows(AccessDeniedException.class, () -> inbox.markRead(other, id));
                inbox.markRead(chen, id);
                assertTrue(inbox.messages(chen, 10).get(0).read());
            } finally {
                emf.close();
            }
        }
    }

    @Test
    void eMailGoesOutOverSmtp() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            int port = smtp.getSmtp().getPort();
            EmailNotifier email = new EmailNotifier(config(port));
            try {
                email.deliver(APPROVED, new Notifier.Recipient("chen.zhiyuan", "陈志远", "chen@example.org", null));
                email.deliver(APPROVED, new Notifier.Recipient("no.mail", "无邮箱", null, null));
                assertTrue(smtp.waitForIncomingEmail(10_000, 1), "one e-mail arrived");
                MimeMessage m = smtp.getReceivedMessages()[0];
                assertEquals("预约已通过：YY20261201-000001", m.getSubject());
                assertEquals("chen@example.org", m.getAllRecipients()[0].toString());
                // Decoded by hand: javax.mail (ours) and jakarta.mail (GreenMail's) content handlers clash on one class path.
                String body = new String(jakarta.mail.internet.MimeUtility.decode(m.getRawInputStream(), m.getEncoding())
                        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(body.contains("2026-12-01 09:30") && body.contains("陈志远"), body);
                Thread.sleep(300);
                assertEquals(1, smtp.getReceivedMessages().length, "no address, no e-mail");
            } finally {
                email.deactivate();
            }
        } finally {
            smtp.stop();
        }
    }

    static EmailConfig config(int port) {
        return new EmailConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EmailConfig.class;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String from() {
                return "huijian@example.org";
            }

            @Override
            public String username() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public boolean starttls() {
                return false;
            }

            @Override
            public int queueCapacity() {
                return 10;
            }
        };
    }
}
