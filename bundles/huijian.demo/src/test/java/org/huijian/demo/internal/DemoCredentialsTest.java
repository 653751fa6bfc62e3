package org.huijian.demo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCredentialsTest {

    @Test
    void generatedPasswordsAreLongMixedAndDifferent() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = new String(DemoCredentials.generate(random));
            assertTrue(password.length() >= 16, password);
            assertTrue(password.chars().anyMatch(c -> DemoCredentials.UPPER.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(c -> DemoCredentials.LOWER.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(c -> DemoCredentials.DIGITS.indexOf(c) >= 0), password);
            assertTrue(password.chars().anyMatch(c -> DemoCredentials.SYMBOLS.indexOf(c) >= 0), password);
            assertTrue(seen.add(password));
        }
    }

    @Test
    void generatedPasswordsContainNoUserName() {
        // with one-letter "user names" almost every raw password would contain one of them
        char[] password = DemoCredentials.generate(new SecureRandom(), List.of("A", "b", "2", "@", "c", "D", "e"));
        String lower = new String(password).toLowerCase(java.util.Locale.ROOT);
        for (String u : List.of("a", "b", "2", "@", "c", "d", "e")) {
            assertFalse(lower.contains(u), lower);
        }
    }

    @Test
    void theFileIsOwnerOnlyAndGivesThePasswordBack(@TempDir Path data) throws IOException {
        Path file = DemoCredentials.file(data.toString()).orElseThrow();
        assertEquals(data.resolve("huijian/demo-credentials.txt"), file);
        char[] password = "Ab3#Ab3#Ab3#Ab3#Ab3#".toCharArray();
        DemoCredentials.write(file, List.of("admin", "lawyer"), password);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals(DemoCredentials.OWNER_ONLY, Files.getPosixFilePermissions(file));
        }
        assertTrue(Files.readString(file).contains("accounts: admin lawyer\n"));
        assertArrayEquals(password, DemoCredentials.read(file).orElseThrow());

        DemoCredentials.write(file, List.of("admin"), "Zz9%Zz9%Zz9%Zz9%Zz9%".toCharArray());
        assertArrayEquals("Zz9%Zz9%Zz9%Zz9%Zz9%".toCharArray(), DemoCredentials.read(file).orElseThrow());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void noFileWithoutKarafData(@TempDir Path data) throws IOException {
        assertEquals(Optional.empty(), DemoCredentials.file(null));
        assertEquals(Optional.empty(), DemoCredentials.file(" "));
        assertFalse(DemoCredentials.read(data.resolve("absent.txt")).isPresent());
    }

    @Test
    void theBannerFramesUsernamesAndPassword() {
        String banner = DemoCredentials.banner(List.of("admin", "approver"), "Secret#2026-Demo.ok".toCharArray(),
                Optional.of(Path.of("/opt/karaf/data/huijian/demo-credentials.txt")));
        assertTrue(banner.contains("Huijian demo accounts: admin, approver\n"));
        assertTrue(banner.contains("  password: Secret#2026-Demo.ok\n"));
        assertTrue(banner.contains("/opt/karaf/data/huijian/demo-credentials.txt"));
        assertTrue(banner.strip().startsWith("=====") && banner.strip().endsWith("====="));
    }
}
