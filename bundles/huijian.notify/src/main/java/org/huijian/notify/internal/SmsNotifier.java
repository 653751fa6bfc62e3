package org.huijian.notify.internal;

import java.io.IOException;
import org.huijian.notify.Notification;
import org.huijian.notify.Notifier;
import org.huijian.notify.SmsGateway;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the subject of each notification as a text message, when a vendor's {@link SmsGateway} is installed. */
@Component(service = Notifier.class)
public class SmsNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(SmsNotifier.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SmsGateway gateway;

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public void deliver(Notification n, Recipient recipient) {
        SmsGateway g = gateway;
        if (g == null || recipient.mobile() == null || !recipient.mobile().matches("1[3-9][0-9]{9}")) {
            return;
        }
        String text = n.subject().length() > 300 ? n.subject().substring(0, 300) : n.subject();
        try {
            g.send(recipient.mobile(), text);
        } catch (IOException | RuntimeException e) {
            LOG.warn("SMS to {} failed: {}", recipient.mobile().substring(0, 3) + "****", e.toString());
        }
    }
}
