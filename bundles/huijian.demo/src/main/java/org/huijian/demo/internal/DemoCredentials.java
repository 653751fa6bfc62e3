package org.huijian.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The generated password of the demo accounts: how it is made, and the owner-only file that keeps
 * it ({@code ${karaf.data}/huijian/demo-credentials.txt}). The password is never logged.
 */
final class DemoCredentials {
    static final int LENGTH = 20;
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    // No look-alikes (0/O, 1/l/I) and no characters that a shell or a .cfg file treats specially.
    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    static final String DIGITS = "23456789";
    static final String SYMBOLS = "@#%+-_=.";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
    private static final String PASSWORD_LINE = "password: ";

    private DemoCredentials() {
    }

    /** The file below {@code karafData}, or empty when Karaf's data folder is not known. */
    static Optional<Path> file(String karafData) {
        return karafData == null || karafData.isBlank() ? Optional.empty()
                : Optional.of(Path.of(karafData, "huijian", "demo-credentials.txt"));
    }

    /**
     * A random password of {@link #LENGTH} characters with upper and lower case letters, digits and
     * symbols that contains none of the user names (a rule of the site's password policy).
     */
    static char[] generate(SecureRandom random, List<String> usernames) {
        while (true) {
            char[] password = generate(random);
            String lower = new String(password).toLowerCase(Locale.ROOT);
            if (usernames.stream().noneMatch(u -> lower.contains(u.toLowerCase(Locale.ROOT)))) {
                return password;
            }
            clear(password);
        }
    }

    static char[] generate(SecureRandom random) {
        char[] password = new char[LENGTH];
        String[] classes = {UPPER, LOWER, DIGITS, SYMBOLS};
        for (int i = 0; i < password.length; i++) {
            String from = i < classes.length ? classes[i] : ALL;
            password[i] = from.charAt(random.nextInt(from.length()));
        }
        for (int i = password.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        return password;
    }

    /**
     * Writes the file readable and writable by its owner only (where the file system knows POSIX
     * permissions), replacing an older one.
     */
    static void write(Path file, List<String> usernames, char[] password) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp;
        try {
            temp = Files.createTempFile(folder, ".demo-credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(folder, ".demo-credentials", ".tmp");
        }
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write("# Huijian demo accounts, created " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n");
                out.write("# Change their passwords before the site is used for anything real, then delete this file.\n");
                out.write("accounts: " + String.join(" ", usernames) + "\n");
                out.write(PASSWORD_LINE);
                out.write(password);
                out.write("\n");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own access rules apply
        }
    }

    /** The password kept in the file, if the file is there and holds one. */
    static Optional<char[]> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(PASSWORD_LINE) && line.length() > PASSWORD_LINE.length()) {
                    return Optional.of(line.substring(PASSWORD_LINE.length()).toCharArray());
                }
            }
        }
        return Optional.empty();
    }

    /** The framed block printed once to the console when the password is generated. */
    static String banner(List<String> usernames, char[] password, Optional<Path> file) {
        String rule = "=".repeat(78);
        StringBuilder sb = new StringBuilder().append('\n').append(rule).append('\n')
                .append("  Huijian demo accounts: ").append(String.join(", ", usernames)).append('\n')
                .append("  password: ").append(password).append('\n');
        file.ifPresentOrElse(
                f -> sb.append("  (also saved in ").append(f).append(", readable by its owner only)\n"),
                () -> sb.append("  (not saved anywhere: note it now)\n"));
        return sb.append("  Change these passwords before the site is used for anything real.\n")
                .append(rule).append('\n').toString();
    }

    /** Overwrites a password held in memory. */
    static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
