package org.huijian.booking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {

    @Test
    void aCrowdAskingAtOnceLooksUpOnce() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        Memo<String, Integer> memo = new Memo<>(60_000, k -> {
            lookups.incrementAndGet();
            sleep(50);
            return 42;
        });
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> crowd = new ArrayList<>();
        AtomicInteger right = new AtomicInteger();
        for (int i = 0; i < 32; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (memo.get("k") == 42) {
                    right.incrementAndGet();
                }
            });
            t.start();
            crowd.add(t);
        }
        go.countDown();
        for (Thread t : crowd) {
            t.join();
        }
        assertEquals(32, right.get());
        assertEquals(1, lookups.get());
    }

    @Test
    void anExpiredAnswerIsLookedUpAgain() {
        AtomicInteger version = new AtomicInteger();
        Memo<String, Integer> memo = new Memo<>(20, k -> version.incrementAndGet());
        assertEquals(1, (int) memo.get("k"));
        assertEquals(1, (int) memo.get("k"));
        sleep(40);
        assertEquals(2, (int) memo.get("k"));
        assertEquals(2, (int) memo.get("k"));
    }

    @Test
    void aFailedLookupIsNotRemembered() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String, Integer> memo = new Memo<>(20, k -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database went away");
            }
            return calls.get();
        });
        assertEquals(1, (int) memo.get("k"));
        sleep(40);
        assertThrows(IllegalStateException.class, () -> memo.get("k"));
        assertEquals(3, (int) memo.get("k"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
