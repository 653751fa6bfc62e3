package org.huijian.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.huijian.site.CentreSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is writing to the database with SIGKILL (as {@code kill -9} does) and checks that
 * every write it reported as committed is there after recovery, and the audit chain is intact.
 */
class DurabilityTest {
    @TempDir
    Path dir;

    /** The writer: creates centres one by one and prints the code of each once committed. */
    public static void main(String[] args) throws Exception {
        try (TestDb t = new TestDb(Path.of(args[0]))) {
            JpaSiteService site = new JpaSiteService(t.db);
            Actor actor = new Actor("writer", Set.of(Role.SITE_ADMIN), "test");
            for (int i = 0;; i++) {
                site.createCentre(actor, new CentreSpec("C" + i, "中心" + i, null, null));
                System.out.println("committed C" + i);
                System.out.flush();
            }
        }
    }

    @Test
    void committedWritesSurviveKillMinus9() throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DurabilityTest.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int committed = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (committed < 40 && (line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed++;
                }
            }
            writer.destroyForcibly(); // SIGKILL on Linux
            writer.waitFor();
        }
        assertEquals(40, committed, "the writer committed 40 centres before it was killed");
        assertEquals(137, writer.exitValue(), "killed by SIGKILL");

        try (TestDb t = new TestDb(dir)) {
            JpaSiteService site = new JpaSiteService(t.db);
            List<String> codes = site.centres().stream().map(c -> c.code()).toList();
            assertTrue(codes.size() >= committed, "all " + committed + " committed centres survived; found " + codes.size());
            for (int i = 0; i < committed; i++) {
                assertTrue(codes.contains("C" + i), "C" + i + " survived");
            }
            var v = new JpaAuditLog(t.db).verify();
            assertTrue(v.intact(), "audit chain intact after the crash: " + v.problem());
            assertEquals(codes.size(), v.checked(), "one audit event per centre, none half-written");
        }
    }
}
