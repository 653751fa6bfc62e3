package org.huijian.documents;

/**
 * The worker pool now.
 *
 * @param threads       workers
 * @param running       pages being processed
 * @param queued        pages waiting
 * @param queueCapacity most pages that may wait; beyond it pages are refused as busy
 * @param processed     pages a worker finished (read, or failed while being processed) since start
 * @param refused       pages refused as busy since start
 */
public record PoolStatus(int threads, int running, int queued, int queueCapacity, long processed, long refused) {
}
