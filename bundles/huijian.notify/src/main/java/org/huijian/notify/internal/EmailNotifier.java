package org.huijian.notify.internal;

import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import org.huijian.notify.Notification;
import org.huijian.notify.Notifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications to accounts that have an e-mail address, over SMTP, from a bounded queue on a thread of
 * its own (a slow mail server never slows a booking). Three attempts per message; failures are logged.
 */
@Component(service = Notifier.class, configurationPid = EmailConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EmailConfig.class)
public class EmailNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(EmailNotifier.class);

    private record Mail(String to, String subject, String body) {
    }

    private final EmailConfig config;
    private final Session session;
    private final BlockingQueue<Mail> queue;
    private final Thread sender;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;

    @Activate
    public EmailNotifier(EmailConfig config) {
        this.config = config;
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", Integer.toString(config.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.starttls.enable", Boolean.toString(config.starttls()));
        boolean auth = !config.username().isBlank();
        p.put("mail.smtp.auth", Boolean.toString(auth));
        this.session = Session.getInstance(p, auth ? new javax.mail.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.username(), config.password());
            }
        } : null);
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queueCapacity()));
        this.sender = new Thread(this::run, "huijian-email");
        sender.setDaemon(true);
        sender.start();
    }

    @Deactivate
    void deactivate() {
        running = false;
        sender.interrupt();
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public void deliver(Notification n, Recipient recipient) {
        if (!config.enabled() || recipient.email() == null || recipient.email().isBlank()) {
            return;
        }
        String body = (recipient.displayName() == null ? "" : recipient.displayName() + "：\n\n") + n.body()
                + "\n\n— 律师远程视频会见系统（此邮件由系统发送，请勿回复）";
        if (!queue.offer(new Mail(recipient.email(), n.subject(), body))) {
            LOG.warn("E-mail queue full ({} waiting): dropped {} to {} ({} dropped so far)", queue.size(), n.topic(),
                    recipient.email(), dropped.incrementAndGet());
        }
    }

    long sent() {
        return sent.get();
    }

    private void run() {
        while (running) {
            Mail mail;
            try {
                mail = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (mail == null) {
                continue;
            }
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    MimeMessage m = new MimeMessage(session);
                    m.setFrom(new InternetAddress(config.from()));
                    m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
                    m.setSubject(mail.subject(), "UTF-8");
                    m.setText(mail.body(), "UTF-8");
                    m.setSentDate(new Date());
                    ClassLoader previous = Thread.currentThread().getContextClassLoader();
                    try {
                        Thread.currentThread().setContextClassLoader(Session.class.getClassLoader());
                        Transport.send(m);
                    } finally {
                        Thread.currentThread().setContextClassLoader(previous);
                    }
                    sent.incrementAndGet();
                    break;
                } catch (MessagingException e) {
                    LOG.warn("E-mail to {} failed (attempt {} of 3): {}", mail.to(), attempt, e.getMessage());
                    try {
                        Thread.sleep(1000L * attempt);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }
}
