package org.huijian.media.internal.record;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;

/**
 * Drops a recording's pages from the page cache once they are on disk ({@code posix_fadvise(POSIX_FADV_DONTNEED)},
 * through JNA). A recording is written once and not read while it is made; without this, 100 meetings fill the
 * cache at 75 MB/s and keep asking the kernel for memory it has not used for a while. On a virtual machine whose
 * host reclaims free guest memory, a page touched for the first time costs ~2.7 s of processor per GB (measured
 * here with {@code dd} to /dev/shm: 3.2 GB/s for the first 4 GB, then 373 MB/s), and after about a minute at 100
 * meetings that took the relay's core (the writes' {@code copy_folio_from_iter_atomic} went from 0.3 % to 11 %).
 * Dropped pages are the next ones the kernel hands out, still warm. Linux only; elsewhere, or if the call fails,
 * nothing happens.
 */
final class PageCache {
    private static final int O_RDONLY = 0;
    private static final int POSIX_FADV_DONTNEED = 4;
    private static final CLibrary C = load();

    private PageCache() {
    }

    /** The C library's calls. */
    interface CLibrary extends Library {
        int open(String path, int flags);

        int posix_fadvise(int fd, long offset, long length, int advice);

        int close(int fd);
    }

    private static CLibrary load() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        try {
            return Native.load("c", CLibrary.class);
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** Drops the file's clean pages from the cache (pages not yet on disk stay); whether the call was made. */
    static boolean drop(Path file) {
        if (C == null) {
            return false;
        }
        int fd = C.open(file.toString(), O_RDONLY);
        if (fd < 0) {
            return false;
        }
        try {
            return C.posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
        } finally {
            C.close(fd);
        }
    }
}
