package org.huijian.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.huijian.core.BusyException;
import org.huijian.documents.Job;
import org.huijian.documents.JobState;
import org.huijian.documents.PoolStatus;
import org.huijian.documents.ProcessingException;
import org.junit.jupiter.api.Test;

/** The bounded pool: busy when full, progress told, timeouts and cancels kill Tesseract. */
class PoolTest {
    static final byte[] PAGE = TestPages.jpeg(TestPages.capture(TestPages.page(5, 6).image(), 4, 0, 1));
    /**
     * Four pages' text in one image (2,480 x 3,508): Tesseract takes several seconds on it. One page takes about a
     * second here, which is what the 1 s timeout was once raced against (and lost: the page finished in time).
     */
    static final byte[] SLOW_PAGE = TestPages.jpeg(fourUp(TestPages.page(5, 6).image()));

    static java.awt.image.BufferedImage fourUp(java.awt.image.BufferedImage page) {
        int w = page.getWidth();
        int h = page.getHeight();
        var out = new java.awt.image.BufferedImage(2 * w, 2 * h, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        for (int i = 0; i < 4; i++) {
            g.drawImage(page, (i % 2) * w, (i / 2) * h, null);
        }
        g.dispose();
        return out;
    }

    @Test
    void aFullQueueRefusesAtOnceAndTheQueuedPagesStillComplete() throws Exception {
        DocumentService s = TestConfig.service(Map.of("threads", 1, "queueCapacity", 1));
        try {
            Job running = s.submit(PAGE, "image/jpeg", null);
            Job queued = s.submit(PAGE, "image/jpeg", null);
            BusyException busy = assertThrows(BusyException.class, () -> s.submit(PAGE, "image/jpeg", null));
            assertEquals("busy", busy.type());
            assertTrue(busy.getMessage().contains("1 pages are waiting, the most allowed"), busy.getMessage());
            PoolStatus status = s.status();
            assertEquals(1, status.threads());
            assertEquals(1, status.queued());
            assertEquals(1, status.queueCapacity());
            assertEquals(1, status.refused());
            assertTrue(running.result().get(60, TimeUnit.SECONDS).hasText());
            assertTrue(queued.result().get(60, TimeUnit.SECONDS).hasText());
            assertEquals(2, s.status().processed());
            // Room again.
            s.submit(PAGE, "image/jpeg", null).result().get(60, TimeUnit.SECONDS);
        } finally {
            s.close();
        }
    }

    @Test
    void progressIsToldStepByStep() throws Exception {
        DocumentService s = TestConfig.service(Map.of("threads", 1));
        try {
            List<String> seen = new CopyOnWriteArrayList<>();
            Job job = s.submit(PAGE, null, (j, state, percent) -> seen.add(state + " " + percent));
            assertEquals(JobState.QUEUED.ordinal() <= job.state().ordinal(), true);
            job.result().get(60, TimeUnit.SECONDS);
            assertEquals(List.of("DESKEWING 5", "RECOGNISING 40", "DONE 100"), seen);
            assertEquals(JobState.DONE, job.state());
            assertEquals(100, job.percent());
            assertTrue(job.deadline().isAfter(job.submitted()));
        } finally {
            s.close();
        }
    }

    @Test
    void aPageNotDoneInTimeIsGivenUpAndItsTesseractKilled() throws Exception {
        DocumentService s = TestConfig.service(Map.of("threads", 1, "timeoutSeconds", 1));
        try {
            long t0 = System.nanoTime();
            ProcessingException e = assertThrows(ProcessingException.class, () -> s.process(SLOW_PAGE, "image/jpeg"));
            long took = System.nanoTime() - t0;
            assertEquals(ProcessingException.TIMED_OUT, e.reason());
            assertEquals("processing-failed", e.type());
            assertTrue(took < TimeUnit.SECONDS.toNanos(3), "given up after about 1 s, not " + took / 1_000_000 + " ms");
            assertNoTesseractLeft();
        } finally {
            s.close();
        }
    }

    @Test
    void aCancelledPageStopsItsTesseract() throws Exception {
        DocumentService s = TestConfig.service(Map.of("threads", 1));
        try {
            Job job = s.submit(PAGE, null, (j, state, percent) -> {
                if (state == JobState.RECOGNISING) {
                    new Thread(() -> {
                        sleep(300);
                        j.cancel();
                    }).start();
                }
            });
            ExecutionException e = assertThrows(ExecutionException.class, () -> job.result().get(30, TimeUnit.SECONDS));
            assertEquals(ProcessingException.CANCELLED, assertInstanceOf(ProcessingException.class, e.getCause()).reason());
            assertEquals(JobState.CANCELLED, job.state());
            assertNoTesseractLeft();
            // A queued page that is cancelled never runs and frees its place.
            Job first = s.submit(PAGE, null, null);
            while (first.state() == JobState.QUEUED) {
                Thread.sleep(10);
            }
            Job second = s.submit(PAGE, null, null);
            second.cancel();
            assertEquals(0, s.status().queued());
            first.result().get(60, TimeUnit.SECONDS);
            assertEquals(JobState.CANCELLED, second.state());
        } finally {
            s.close();
        }
    }

    @Test
    void stoppingTheServiceCancelsItsPagesAndKillsTesseract() throws Exception {
        DocumentService s = TestConfig.service(Map.of("threads", 1));
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        Job running = s.submit(PAGE, null, (j, state, percent) -> {
            if (state == JobState.RECOGNISING) {
                reading.countDown();
            }
        });
        Job queued = s.submit(PAGE, null, null);
        assertTrue(reading.await(30, TimeUnit.SECONDS));
        Thread.sleep(200);
        s.close();
        for (Job j : List.of(running, queued)) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> j.result().get(10, TimeUnit.SECONDS));
            assertEquals(ProcessingException.CANCELLED, ((ProcessingException) e.getCause()).reason());
        }
        assertNoTesseractLeft();
    }

    @Test
    void withoutTesseractTheServiceDoesNotStartAndSaysWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestConfig.service(Map.of("tesseract", "/nonexistent/tesseract")));
        assertTrue(e.getMessage().contains("cannot run Tesseract") && e.getMessage().contains("tesseract-ocr"),
                e.getMessage());
        IllegalStateException lang = assertThrows(IllegalStateException.class,
                () -> TestConfig.service(Map.of("languages", "chi_tra+eng")));
        assertTrue(lang.getMessage().contains("no language chi_tra") && lang.getMessage().contains("tesseract-ocr-chi-tra"),
                lang.getMessage());
    }

    static void assertNoTesseractLeft() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (ProcessHandle.current().children().noneMatch(p -> p.info().command().orElse("").contains("tesseract"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a tesseract process is still running");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
