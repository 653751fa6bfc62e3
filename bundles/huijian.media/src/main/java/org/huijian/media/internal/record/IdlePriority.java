package org.huijian.media.internal.record;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Puts the calling thread in Linux's {@code SCHED_IDLE} class: it then runs only when the processor has nothing else
 * to do, and any other thread that wakes takes the processor from it at once. For background work that must not
 * delay the relay: the recorder's 100 ms rounds took 4.5 ms of processor each at 100 meetings, and a woken writer in
 * the normal class kept the relaying thread waiting for all of it (seen with {@code perf sched timehist}).
 *
 * <p>Through JNA ({@code sched_setscheduler(0, SCHED_IDLE, {0})}, where pid 0 is the calling thread). Elsewhere than
 * Linux, or when the call is refused (a container's seccomp filter), the thread stays as it was.
 */
final class IdlePriority {
    private static final int SCHED_IDLE = 5;

    private IdlePriority() {
    }

    /** The C library's call. */
    interface CLibrary extends Library {
        int sched_setscheduler(int pid, int policy, int[] param);
    }

    /** Lowers the calling thread; null when it worked, otherwise why not. */
    static String lower() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return "not Linux";
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            if (c.sched_setscheduler(0, SCHED_IDLE, new int[] { 0 }) != 0) {
                return "sched_setscheduler failed, errno " + Native.getLastError();
            }
            return null;
        } catch (LinkageError | RuntimeException e) {
            return e.toString();
        }
    }
}
