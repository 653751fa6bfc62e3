package org.huijian.media.internal.record;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;

/**
 * The two Linux calls the recorder makes, through JNA (the C library, loaded once). Elsewhere than Linux, or when
 * the library or a call is refused (a container's seccomp filter), nothing happens and the recorder works as before.
 *
 * <ul>
 * <li>{@link #idle()}: the calling thread into {@code SCHED_IDLE}, so it runs only when the processor has nothing
 * else to do, and any other thread that wakes takes the processor from it at once. The recorder's 100 ms rounds took
 * 4.5 ms of processor each at 100 meetings, and a woken writer in the normal class kept the relaying thread waiting
 * for all of it (seen with {@code perf sched timehist}).
 * <li>{@link #dropCached(Path)}: a recording's pages out of the page cache once they are on disk
 * ({@code posix_fadvise(POSIX_FADV_DONTNEED)}). A recording is written once and not read while it is made; without
 * this, 100 meetings fill the cache at 75 MB/s and keep asking the kernel for memory it has not used for a while. On
 * a virtual machine whose host reclaims free guest memory, a page touched for the first time costs ~2.7 s of
 * processor per GB (measured here with {@code dd} to /dev/shm: 3.2 GB/s for the first 4 GB, then 373 MB/s), and
 * after about a minute at 100 meetings that took the relay's core (the writes' {@code copy_folio_from_iter_atomic}
 * went from 0.3 % to 11 %). Dropped pages are the next ones the kernel hands out, still warm.
 * </ul>
 */
final class LinuxCalls {
    private static final int SCHED_IDLE = 5;
    private static final int O_RDONLY = 0;
    private static final int POSIX_FADV_DONTNEED = 4;
    /** Why the C library is not there; null when it is. */
    private static final String MISSING;
    private static final CLibrary C;

    static {
        CLibrary c = null;
        String missing = null;
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            missing = "not Linux";
        } else {
            try {
                c = Native.load("c", CLibrary.class);
            } catch (LinkageError | RuntimeException e) {
                missing = e.toString();
            }
        }
        C = c;
        MISSING = missing;
    }

    private LinuxCalls() {
    }

    /** The C library's calls. */
    interface CLibrary extends Library {
        int sched_setscheduler(int pid, int policy, int[] param);

        int open(String path, int flags);

        int posix_fadvise(int fd, long offset, long length, int advice);

        int close(int fd);
    }

    /** Puts the calling thread (pid 0) in {@code SCHED_IDLE}; null when it worked, otherwise why not. */
    static String idle() {
        if (C == null) {
            return MISSING;
        }
        if (C.sched_setscheduler(0, SCHED_IDLE, new int[] { 0 }) != 0) {
            return "sched_setscheduler failed, errno " + Native.getLastError();
        }
        return null;
    }

    /** Drops the file's clean pages from the cache (pages not yet on disk stay); whether the call was made. */
    static boolean dropCached(Path file) {
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
