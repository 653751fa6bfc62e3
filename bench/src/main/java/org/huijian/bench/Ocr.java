package org.huijian.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.huijian.documents.Job;
import org.huijian.documents.ProcessedPage;
import org.huijian.documents.internal.DocumentService;
import org.huijian.documents.internal.TestConfig;
import org.huijian.documents.internal.TestPages;

/**
 * The document display's figures, in this JVM on the bundle's own service (no distribution needed): a set of
 * generated Chinese/English pages ({@code TestPages}, Noto Sans CJK), each captured turned by an angle spread over
 * −10°…+10°, some in mild perspective, on a darker base, as JPEG.
 * <ol>
 * <li><b>Deskew accuracy</b>: the error of the angle found (found − applied), and the angle of the rule under the
 * title measured on the straightened page (both should be within 0.5°).</li>
 * <li><b>Throughput</b>: every capture submitted at once to the pool (deskew + OCR), with 1 and with 2 workers; pages
 * per minute from the first submission to the last result, after an untimed warm-up page.</li>
 * <li><b>Character error rate</b> (Levenshtein over characters, whitespace ignored), mean over the set: our pages
 * (deskew + Tesseract), and Tesseract alone — the same {@code tesseract} program and languages, on the skewed
 * captures and on the straight pages, with the page segmentation mode we use (6) and with Tesseract's default (3).</li>
 * </ol>
 * Options: {@code -Docr.pages=12}, {@code -Docr.languages=chi_sim} (the service's default; e.g. chi_sim+eng). Results also go to {@code target/ocr-results.txt}.
 */
public final class Ocr {
    final int pages = Integer.getInteger("ocr.pages", 12);
    final String languages = System.getProperty("ocr.languages", "chi_sim");
    final Path directory = Path.of(System.getProperty("bench.directory", "target"));
    final StringBuilder report = new StringBuilder();

    record Sample(TestPages.Page page, double angle, double keystone, byte[] capture, byte[] straight) {
    }

    public static void main(String[] args) throws Exception {
        new Ocr().run();
    }

    void run() throws Exception {
        say("OCR bench: %d pages, %s, languages %s; load before: %s", pages, tesseractVersion(), languages, uptime());
        List<Sample> set = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            double angle = pages == 1 ? 0 : -10 + 20.0 * i / (pages - 1);
            double keystone = i % 3 == 1 ? 0.03 : 0;
            TestPages.Page page = TestPages.page(i, 9);
            set.add(new Sample(page, angle, keystone, TestPages.jpeg(TestPages.capture(page.image(), angle, keystone, i)),
                    TestPages.png(page.image())));
        }
        say("generated %d captures (2000 x 2200 JPEG, page 1240 x 1754, %d–%d characters a page)", pages,
                set.stream().mapToInt(s -> s.page().text().replaceAll("\\s+", "").length()).min().orElse(0),
                set.stream().mapToInt(s -> s.page().text().replaceAll("\\s+", "").length()).max().orElse(0));

        List<ProcessedPage> ours = null;
        double[] perMinute = new double[3];
        for (int threads : new int[] { 1, 2 }) {
            DocumentService service = TestConfig.service(Map.of("threads", threads, "queueCapacity", pages + 1,
                    "timeoutSeconds", 600, "languages", languages));
            try {
                service.process(set.get(0).capture(), "image/jpeg"); // warm-up
                long t0 = System.nanoTime();
                List<Job> jobs = new ArrayList<>();
                for (Sample s : set) {
                    jobs.add(service.submit(s.capture(), "image/jpeg", null));
                }
                List<ProcessedPage> results = new ArrayList<>();
                for (Job j : jobs) {
                    results.add(j.result().get(10, TimeUnit.MINUTES));
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                perMinute[threads] = pages * 60 / seconds;
                double deskew = results.stream().mapToLong(p -> p.deskewTime().toMillis()).average().orElse(0);
                double ocr = results.stream().mapToLong(p -> p.ocrTime().toMillis()).average().orElse(0);
                say("%d worker(s): %d pages in %.1f s = %.1f pages/min (per page: deskew %.0f ms, OCR %.0f ms); load %s",
                        threads, pages, seconds, perMinute[threads], deskew, ocr, uptime());
                ours = results;
            } finally {
                service.close();
            }
        }

        double maxFound = 0, maxRule = 0, maxDiff = 0;
        double[] cer = new double[5];
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> alone = new ArrayList<>();
            for (Sample s : set) {
                alone.add(two.submit(() -> new double[] {
                    TestPages.cer(s.page().text(), tesseract(s.capture(), 6)),
                    TestPages.cer(s.page().text(), tesseract(s.capture(), 3)),
                    TestPages.cer(s.page().text(), tesseract(s.straight(), 6)),
                    TestPages.cer(s.page().text(), tesseract(s.straight(), 3)) }));
            }
            say("%6s %9s %8s %8s %8s %10s %10s %10s %10s", "page", "applied", "error", "rule", "CER ours",
                    "skewed p6", "skewed p3", "straight p6", "straight p3");
            for (int i = 0; i < pages; i++) {
                Sample s = set.get(i);
                ProcessedPage p = ours.get(i);
                BufferedImage straightened = ImageIO.read(new ByteArrayInputStream(p.png()));
                double rule = TestPages.ruleAngle(straightened);
                double found = p.angle() - s.angle();
                maxFound = Math.max(maxFound, Math.abs(found));
                maxRule = Math.max(maxRule, Math.abs(rule));
                double[] a = alone.get(i).get();
                double c = TestPages.cer(s.page().text(), p.text());
                cer[0] += c;
                maxDiff = Math.max(maxDiff, Math.abs(c - a[2]));
                for (int k = 0; k < 4; k++) {
                    cer[k + 1] += a[k];
                }
                say("%6d %8.2f° %+7.2f° %+7.2f° %8.4f %10.4f %10.4f %10.4f %10.4f%s", i, s.angle(), found, rule, c, a[0],
                        a[1], a[2], a[3], s.keystone() > 0 ? "  (keystone " + s.keystone() + ")" : "");
            }
        } finally {
            two.shutdownNow();
        }
        say("");
        say("Document display, %d generated pages turned -10°…+10° (every third in perspective), load after: %s", pages,
                uptime());
        say("  deskew: largest error of the angle found %.2f°, of the rule on the straightened page %.2f° (target 0.5°)",
                maxFound, maxRule);
        say("  pages per minute, deskew + OCR, all submitted at once: 1 worker %.1f, 2 workers %.1f", perMinute[1],
                perMinute[2]);
        say("  mean CER: ours (deskew + Tesseract psm 6) %.4f | Tesseract alone on the skewed captures: psm 6 %.4f, "
                + "psm 3 %.4f | on the straight pages: psm 6 %.4f, psm 3 %.4f", cer[0] / pages, cer[1] / pages,
                cer[2] / pages, cer[3] / pages, cer[4] / pages);
        say("  page by page, ours against Tesseract alone on the straight page (psm 6): largest difference %.4f "
                + "(target 0.01)", maxDiff);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("ocr-results.txt"), report);
    }

    /** Tesseract alone: the same program and languages as the service, plain text out. */
    String tesseract(byte[] image, int psm) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("tesseract", "stdin", "stdout", "-l", languages, "--psm",
                Integer.toString(psm), "--dpi", "200");
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(image);
        }
        String out;
        try (InputStream o = p.getInputStream()) {
            out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (p.waitFor() != 0) {
            throw new IOException("tesseract failed: exit " + p.exitValue());
        }
        return out;
    }

    static String tesseractVersion() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
                    .orElse("?");
            p.waitFor();
            return first;
        } catch (IOException | InterruptedException e) {
            return "tesseract not found: " + e.getMessage();
        }
    }

    static String uptime() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + f[0] + ", " + f[1] + ", " + f[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "?";
        }
    }

    void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }
}
