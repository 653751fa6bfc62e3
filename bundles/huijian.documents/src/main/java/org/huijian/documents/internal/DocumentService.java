package org.huijian.documents.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.huijian.core.BusyException;
import org.huijian.core.HuijianException;
import org.huijian.documents.DocumentProcessor;
import org.huijian.documents.Job;
import org.huijian.documents.JobState;
import org.huijian.documents.Point;
import org.huijian.documents.PoolStatus;
import org.huijian.documents.ProcessedPage;
import org.huijian.documents.ProcessingException;
import org.huijian.documents.ProgressListener;
import org.huijian.documents.Quad;
import org.huijian.documents.TextLine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The document processor: checks each image on the caller's thread, then deskews and reads it on a fixed pool of
 * workers behind a bounded queue. A watchdog gives up pages past their deadline and kills their Tesseract.
 * Immediate: the pool lives as long as its configuration, not as long as its current users (a consumer restarting
 * with a meeting's configuration change would otherwise take the queued pages with it).
 */
@Component(service = DocumentProcessor.class, configurationPid = DocumentsConfig.PID, immediate = true)
@Designate(ocd = DocumentsConfig.class)
public class DocumentService implements DocumentProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);

    private final DocumentsConfig config;
    private final ImageIntake intake;
    private final Tesseract tesseract;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Set<PageJob> active = ConcurrentHashMap.newKeySet();

    @Activate
    public DocumentService(DocumentsConfig config) {
        this.config = config;
        this.intake = new ImageIntake(config.maxBytes(), config.maxMegapixels());
        this.tesseract = new Tesseract(config.tesseract(), config.languages(), config.pageSegmentation(),
                config.tessdata());
        try {
            String found = tesseract.check();
            LOG.info("Document display: Tesseract {} ({}), {} worker(s), queue of {}", config.tesseract(), found,
                    config.threads(), config.queueCapacity());
        } catch (IOException e) {
            throw new IllegalStateException("Document display cannot run Tesseract: " + e.getMessage()
                    + " (install tesseract-ocr, tesseract-ocr-chi-sim, tesseract-ocr-eng, or set 'tesseract' in "
                    + DocumentsConfig.PID + ".cfg)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking Tesseract", e);
        }
        int threads = Math.max(1, config.threads());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.queueCapacity())), r -> {
                    Thread t = new Thread(r, "huijian-documents-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "huijian-documents-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.watchdog = timer;
    }

    /** Stops: queued pages are cancelled, running ones too (their Tesseract is killed). */
    @Deactivate
    public void close() {
        for (Runnable r : workers.shutdownNow()) {
            ((Work) r).job.fail(new ProcessingException(ProcessingException.CANCELLED, "document display stopped"),
                    JobState.CANCELLED);
        }
        for (PageJob job : active) {
            job.fail(new ProcessingException(ProcessingException.CANCELLED, "document display stopped"),
                    JobState.CANCELLED);
        }
        watchdog.shutdownNow();
    }

    /** The queued form of a job (a Runnable the executor can drop from its queue). */
    private final class Work implements Runnable {
        final PageJob job;

        Work(PageJob job) {
            this.job = job;
        }

        @Override
        public void run() {
            DocumentService.this.run(job);
        }
    }

    @Override
    public ProcessedPage process(byte[] image, String mediaType) {
        Job job = submit(image, mediaType, null);
        try {
            return job.result().get(config.timeoutSeconds() + 10L, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HuijianException h) {
                throw h;
            }
            throw new IllegalStateException("page " + job.id() + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new ProcessingException(ProcessingException.CANCELLED, "interrupted while waiting for page " + job.id());
        } catch (java.util.concurrent.TimeoutException | CancellationException e) {
            ((PageJob) job).expire();
            throw new ProcessingException(ProcessingException.TIMED_OUT, "page " + job.id() + " timed out");
        }
    }

    @Override
    public Job submit(byte[] image, String mediaType, ProgressListener listener) {
        ImageIntake.Checked checked = intake.check(image, mediaType);
        long id = ids.incrementAndGet();
        Work[] work = new Work[1];
        PageJob job = new PageJob(id, checked, TimeUnit.SECONDS.toNanos(Math.max(1, config.timeoutSeconds())),
                listener, () -> workers.remove(work[0]));
        work[0] = new Work(job);
        try {
            workers.execute(work[0]);
        } catch (RejectedExecutionException e) {
            refused.incrementAndGet();
            throw new BusyException(String.format(Locale.ROOT,
                    "document display is busy: %d pages are waiting, the most allowed; try again shortly",
                    workers.getQueue().size()));
        }
        ScheduledFuture<?> timer = watchdog.schedule(job::expire, job.deadlineNanos - System.nanoTime(),
                TimeUnit.NANOSECONDS);
        job.result().whenComplete((page, error) -> timer.cancel(false));
        return job;
    }

    @Override
    public PoolStatus status() {
        return new PoolStatus(workers.getMaximumPoolSize(), workers.getActiveCount(), workers.getQueue().size(),
                workers.getQueue().size() + workers.getQueue().remainingCapacity(), processed.get(), refused.get());
    }

    private void run(PageJob job) {
        active.add(job);
        try {
            if (!job.advance(JobState.DESKEWING, 5)) {
                return;
            }
            long t0 = System.nanoTime();
            int step = ImageIntake.subsampling(job.image, config.decodeMegapixels() * 1_000_000L);
            Deskewer.Result d = Deskewer.deskew(ImageIntake.decode(job.image, step));
            Quad quad = d.quad() == null || step == 1 ? d.quad() : scaled(d.quad(), step);
            byte[] png = png(d.page());
            long t1 = System.nanoTime();
            if (!job.advance(JobState.RECOGNISING, 40)) {
                return;
            }
            // A page without ink is not worth a Tesseract run (which reads shading and grain as letters).
            List<TextLine> lines = d.ink()
                    ? tesseract.read(png(Flatten.grey(d.page())), config.dpi(), job.deadlineNanos, job::started)
                    : List.of();
            long t2 = System.nanoTime();
            ProcessedPage page = new ProcessedPage(png, d.page().getWidth(), d.page().getHeight(), d.angle(), quad,
                    lines, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
            LOG.debug("Page {}: {} x {}, turned {}°, page {}found, {} lines, deskew {} ms, OCR {} ms", job.id(),
                    page.width(), page.height(), String.format(Locale.ROOT, "%.2f", d.angle()),
                    d.quad() == null ? "not " : "", lines.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            processed.incrementAndGet();
            job.succeed(page);
        } catch (InterruptedException e) {
            processed.incrementAndGet();
            job.fail(new ProcessingException(ProcessingException.CANCELLED, "document display stopped"),
                    JobState.CANCELLED);
        } catch (HuijianException e) {
            processed.incrementAndGet();
            job.fail(e, JobState.FAILED);
        } catch (RuntimeException | Error e) {
            processed.incrementAndGet();
            LOG.error("Page {} failed", job.id(), e);
            job.fail(e, JobState.FAILED);
        } finally {
            active.remove(job);
        }
    }

    private static Quad scaled(Quad q, int step) {
        return new Quad(scaled(q.topLeft(), step), scaled(q.topRight(), step), scaled(q.bottomRight(), step),
                scaled(q.bottomLeft(), step));
    }

    private static Point scaled(Point p, int step) {
        return new Point(p.x() * step, p.y() * step);
    }

    static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(img.getWidth() * img.getHeight() / 4);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
