package org.huijian.documents.internal;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.huijian.documents.Job;
import org.huijian.documents.JobState;
import org.huijian.documents.ProcessedPage;
import org.huijian.documents.ProcessingException;
import org.huijian.documents.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A page in the pool; its state changes under its own lock, and a final state is final. */
final class PageJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(PageJob.class);

    final ImageIntake.Checked image;
    final long deadlineNanos;
    private final long id;
    private final Instant submitted;
    private final Instant deadline;
    private final ProgressListener listener;
    private final CompletableFuture<ProcessedPage> result = new CompletableFuture<>();
    private final Runnable onCancel;
    private JobState state = JobState.QUEUED;
    private int percent;
    private Process process;

    PageJob(long id, ImageIntake.Checked image, long timeoutNanos, ProgressListener listener, Runnable onCancel) {
        this.id = id;
        this.image = image;
        this.listener = listener;
        this.onCancel = onCancel;
        this.submitted = Instant.now();
        this.deadlineNanos = System.nanoTime() + timeoutNanos;
        this.deadline = submitted.plusNanos(timeoutNanos);
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public synchronized JobState state() {
        return state;
    }

    @Override
    public synchronized int percent() {
        return percent;
    }

    @Override
    public Instant submitted() {
        return submitted;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public CompletableFuture<ProcessedPage> result() {
        return result;
    }

    @Override
    public void cancel() {
        if (fail(new ProcessingException(ProcessingException.CANCELLED, "page " + id + " was cancelled"),
                JobState.CANCELLED)) {
            onCancel.run();
        }
    }

    /** Gives the job up when its deadline has passed; called by the pool's watchdog. */
    void expire() {
        if (fail(new ProcessingException(ProcessingException.TIMED_OUT, "page " + id + " was not done within "
                + java.time.Duration.between(submitted, deadline).toSeconds() + " s"), JobState.FAILED)) {
            onCancel.run();
        }
    }

    /** Moves on to a working state; false when the job has already ended (cancelled, timed out). */
    boolean advance(JobState next, int pct) {
        synchronized (this) {
            if (state.isFinal()) {
                return false;
            }
            state = next;
            percent = pct;
        }
        tell(next, pct);
        return true;
    }

    /** Remembers Tesseract's process so that a cancel or timeout kills it; kills it at once if already ended. */
    void started(Process p) {
        boolean ended;
        synchronized (this) {
            process = p;
            ended = state.isFinal();
        }
        if (ended) {
            p.destroyForcibly();
        }
    }

    void succeed(ProcessedPage page) {
        synchronized (this) {
            if (state.isFinal()) {
                return;
            }
            state = JobState.DONE;
            percent = 100;
        }
        // The listener hears of the end before anyone waiting on the result does.
        tell(JobState.DONE, 100);
        result.complete(page);
    }

    /** Ends the job with an error; false when it had already ended. */
    boolean fail(Throwable error, JobState end) {
        Process p;
        synchronized (this) {
            if (state.isFinal()) {
                return false;
            }
            state = end;
            p = process;
        }
        if (p != null) {
            p.destroyForcibly();
        }
        tell(end, percent());
        result.completeExceptionally(error);
        return true;
    }

    private void tell(JobState s, int pct) {
        if (listener != null) {
            try {
                listener.changed(this, s, pct);
            } catch (RuntimeException e) {
                LOG.warn("Progress listener of page {} failed", id, e);
            }
        }
    }
}
