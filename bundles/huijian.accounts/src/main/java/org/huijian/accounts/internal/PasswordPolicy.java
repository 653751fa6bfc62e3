package org.huijian.accounts.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import org.huijian.core.Checks;

/**
 * The site's password rules: a minimum length, three of four character classes, not the user name, not a
 * well-known password. Also makes random passwords that meet them.
 */
final class PasswordPolicy {
    private static final Set<String> COMMON = Set.of("password", "password1", "password123", "p@ssw0rd", "p@ssword1",
            "admin123", "admin@123", "qwerty123", "1qaz2wsx", "1qaz@wsx", "abc@123", "abcd@1234", "huijian123",
            "huijian@123", "a123456789", "aa123456", "zxcvbnm123", "iloveyou1", "welcome1", "letmein1");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final String SYMBOLS = "!@#%^*-_=+";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int minLength;

    PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** Throws {@link org.huijian.core.InvalidInputException} on {@code field} when the password breaks a rule. */
    void check(String field, String username, char[] password) {
        Checks checks = new Checks();
        if (password == null || password.length == 0) {
            checks.fail(field, "is required").done();
        }
        String p = new String(password);
        int classes = (p.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (p.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (p.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (p.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        checks.rule(p.length() >= minLength, field, "must be at least " + minLength + " characters long")
                .rule(p.length() <= 128, field, "must be at most 128 characters long")
                .rule(classes >= 3, field, "must contain three of: lower-case letters, upper-case letters, digits, symbols")
                .rule(username == null || !p.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT)),
                        field, "must not contain the user name")
                .rule(!COMMON.contains(p.toLowerCase(Locale.ROOT)), field, "is too common")
                .done();
    }

    /** A random password of 20 characters that meets the rules. */
    static char[] generate() {
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        out[RANDOM.nextInt(5)] = SYMBOLS.charAt(RANDOM.nextInt(SYMBOLS.length()));
        out[5 + RANDOM.nextInt(5)] = (char) ('2' + RANDOM.nextInt(8));
        out[10 + RANDOM.nextInt(5)] = (char) ('A' + RANDOM.nextInt(26));
        out[15 + RANDOM.nextInt(5)] = (char) ('a' + RANDOM.nextInt(26));
        return out;
    }
}
