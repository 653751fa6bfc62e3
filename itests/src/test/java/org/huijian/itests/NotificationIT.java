package org.huijian.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Notifications leave the platform by e-mail to a real SMTP server, and land in the portal inbox. */
class NotificationIT extends SiteTestBase {
    static GreenMail smtp;

    @BeforeAll
    static void mailServer() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        site.set("org.huijian.notify.email", java.util.Map.of("host", "127.0.0.1", "port",
                Integer.toString(smtp.getSmtp().getPort()), "from", "huijian@example.org", "enabled", "true"));
        Thread.sleep(Duration.ofSeconds(4).toMillis()); // Karaf's file watcher picks the change up
    }

    @AfterAll
    static void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aVerifiedLawyerIsToldByEmailAndInThePortal() throws Exception {
        Api admin = signedIn("admin");
        String firms = site.api().get("/api/registrations/law-firms").body();
        long firm = Long.parseLong(firms.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        String idCard = TestData.idCard("44010619900307001");
        Api.Reply reg = site.api().post("/api/registrations", "{\"name\":\"黄晓明\",\"idCardNo\":\"" + idCard
                + "\",\"licenceNo\":\"14401201910000077\",\"lawFirmId\":" + firm + ",\"mobile\":\"13900139077\","
                + "\"username\":\"huang.xm\",\"password\":\"" + PASSWORD + "\",\"email\":\"huang@example.org\"}");
        assertEquals(201, reg.status(), reg.body());
        long lawyerId = Long.parseLong(reg.body().replaceAll(".*\"lawyerId\":(\\d+).*", "$1"));
        assertEquals(200, admin.post("/api/qualifications/" + lawyerId + "/verify", "{\"note\":\"执业证核验通过\"}").status());
        assertTrue(smtp.waitForIncomingEmail(20_000, 1), "an e-mail arrived");
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertEquals("律师资格已核验，可以网上预约会见", m.getSubject());
        assertEquals("[huang@example.org]", Arrays.toString(m.getAllRecipients()));
        Api.Reply inbox = signedIn("huang.xm").get("/api/me/messages");
        assertTrue(inbox.body().contains("律师资格已核验"), inbox.body());
    }
}
