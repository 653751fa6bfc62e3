package org.huijian.booking.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.huijian.booking.spi.QualificationVerifier.Decision;
import org.huijian.booking.spi.QualificationVerifier.Verdict;
import org.huijian.directory.LawFirm;
import org.huijian.directory.Lawyer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bar-association registry adapters: a real file, and a real HTTP server on localhost. */
class RegistryVerifierTest {
    static final LawFirm FIRM = new LawFirm(1, "广东天穗律师事务所", "31440000MD0123456X", null, null);
    static final Lawyer CHEN = new Lawyer(1, "陈志远", "14401201510000001", 1, "13800138000");
    static final Lawyer LIN = new Lawyer(2, "林晓峰", "14401201510000002", 1, "13800138001");
    static final Lawyer WANG = new Lawyer(3, "王建国", "14401201510000003", 1, "13800138002");
    static final Lawyer NOBODY = new Lawyer(4, "赵六", "14401201510000009", 1, "13800138003");

    @TempDir
    Path dir;
    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static void decision(Decision expected, Verdict v) {
        assertEquals(expected, v.decision(), v.reason());
    }

    @Test
    void aRegistryFileVerifiesRefusesOrDoesNotKnow() throws Exception {
        Path file = dir.resolve("lawyer-registry.csv");
        Files.writeString(file, "\uFEFF执业证号,姓名,律师事务所,执业状态\n"
                + "14401201510000001,陈 志远,广东天穗律师事务所,执业\n"
                + "14401201510000002,林晓峰,广东其他律师事务所,执业\n"
                + "14401201510000003,王建国,,吊销\n"
                + "1440120151,坏行,,执业\n"
                + "\"14401201510000004\",\"李四\n");
        CsvRegistryVerifier csv = new CsvRegistryVerifier(file, 0);
        assertEquals(3, csv.size(), "the rows that cannot be read are skipped");
        Verdict chen = csv.check(CHEN, FIRM);
        decision(Decision.VERIFIED, chen);
        assertTrue(chen.reason().contains("csv-registry") && chen.reason().contains("practising"), chen.reason());
        Verdict lin = csv.check(LIN, FIRM);
        decision(Decision.REFUSED, lin);
        assertTrue(lin.reason().contains("registered at 广东其他律师事务所"), lin.reason());
        Verdict wang = csv.check(WANG, FIRM);
        decision(Decision.REFUSED, wang);
        assertTrue(wang.reason().contains("吊销"), wang.reason());
        decision(Decision.UNKNOWN, csv.check(NOBODY, FIRM));
        decision(Decision.REFUSED, csv.check(new Lawyer(5, "张三", CHEN.licenceNo(), 1, "1"), FIRM));
    }

    @Test
    void theFileIsReadAgainWhenItChangesAndMayBeGb18030() throws Exception {
        Path file = dir.resolve("lawyer-registry.csv");
        Files.writeString(file, "licenceNo,name,lawFirm,status\n14401201510000001,陈志远,,practising\n");
        CsvRegistryVerifier csv = new CsvRegistryVerifier(file, 0);
        decision(Decision.UNKNOWN, csv.check(LIN, FIRM));
        Files.write(file, "执业证号,姓名,执业状态\r\n14401201510000002,林晓峰,正常\r\n".getBytes(Charset.forName("GB18030")));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        decision(Decision.VERIFIED, csv.check(LIN, FIRM));
        decision(Decision.UNKNOWN, csv.check(CHEN, FIRM));
        Files.delete(file);
        decision(Decision.VERIFIED, csv.check(LIN, FIRM)); // a missing file keeps what was read
        Files.writeString(file, "who,what\n1,2\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        decision(Decision.UNKNOWN, csv.check(LIN, FIRM)); // a file without the needed headings knows nobody
    }

    HttpServer registry(AtomicInteger asked, int delayMillis) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/registry/", ex -> {
            asked.incrementAndGet();
            String licence = ex.getRequestURI().getPath().replace("/registry/", "");
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            byte[] body;
            int status;
            if (!"Bearer s3cret".equals(auth)) {
                status = 401;
                body = new byte[0];
            } else if (licence.equals(CHEN.licenceNo())) {
                status = 200;
                body = ("{\"licenceNo\":\"" + licence + "\",\"name\":\"陈志远\",\"lawFirm\":\"广东天穗律师事务所\","
                        + "\"status\":\"执业\"}").getBytes(StandardCharsets.UTF_8);
            } else if (licence.equals(WANG.licenceNo())) {
                status = 200;
                body = ("{\"licenceNo\":\"" + licence + "\",\"name\":\"王建国\",\"status\":\"停止执业\"}")
                        .getBytes(StandardCharsets.UTF_8);
            } else if (licence.equals(LIN.licenceNo())) {
                status = 500;
                body = "oops".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = new byte[0];
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/registry/{licenceNo}";
    }

    @Test
    void aRegistryServiceIsAskedOnceAndFailuresAreLeftToAnApprover() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        registry(asked, 0);
        RestRegistryVerifier rest = new RestRegistryVerifier(url(), "s3cret", Duration.ofSeconds(2), 60_000);
        decision(Decision.VERIFIED, rest.check(CHEN, FIRM));
        decision(Decision.VERIFIED, rest.check(CHEN, FIRM));
        assertEquals(1, asked.get(), "the second answer came from the cache");
        decision(Decision.REFUSED, rest.check(WANG, FIRM));
        decision(Decision.UNKNOWN, rest.check(NOBODY, FIRM));
        decision(Decision.UNKNOWN, rest.check(NOBODY, FIRM));
        assertEquals(3, asked.get(), "404 is a definite answer, cached too");
        decision(Decision.UNKNOWN, rest.check(LIN, FIRM));
        decision(Decision.UNKNOWN, rest.check(LIN, FIRM));
        assertEquals(5, asked.get(), "a failure is not cached");
        RestRegistryVerifier wrongToken = new RestRegistryVerifier(url(), "nope", Duration.ofSeconds(2), 60_000);
        decision(Decision.UNKNOWN, wrongToken.check(CHEN, FIRM));
    }

    @Test
    void aSlowRegistryTimesOutAndABadAddressIsRefusedAtOnce() throws Exception {
        registry(new AtomicInteger(), 1500);
        RestRegistryVerifier rest = new RestRegistryVerifier(url(), "s3cret", Duration.ofMillis(300), 60_000);
        long t = System.nanoTime();
        Verdict v = rest.check(CHEN, FIRM);
        decision(Decision.UNKNOWN, v);
        assertTrue((System.nanoTime() - t) / 1_000_000 < 1400, "did not wait for the slow answer");
        for (String bad : List.of("ftp://x/{licenceNo}", "https://registry.example/lookup", "")) {
            assertThrows(IllegalArgumentException.class, () -> new RestRegistryVerifier(bad, "", Duration.ofSeconds(1), 1));
        }
    }
}
