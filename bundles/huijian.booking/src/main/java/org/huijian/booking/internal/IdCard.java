package org.huijian.booking.internal;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The PRC resident identity card number (GB 11643-1999): 17 digits, a birth date, and a check character. */
final class IdCard {
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";

    private IdCard() {
    }

    /** What is wrong with the number, or {@code null} when it is valid. */
    static String problem(String no, LocalDate today) {
        if (no == null || !no.matches("[0-9]{17}[0-9Xx]")) {
            return "must be 18 characters: 17 digits and a digit or X";
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(no.substring(6, 10)), Integer.parseInt(no.substring(10, 12)),
                    Integer.parseInt(no.substring(12, 14)));
            if (birth.isAfter(today.minusYears(18)) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
                return "has an impossible birth date for a practising lawyer";
            }
        } catch (DateTimeException e) {
            return "has no valid birth date in positions 7 to 14";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (no.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(no.charAt(17)) == CHECK.charAt(sum % 11) ? null
                : "has a wrong check character (the last one); check the number";
    }

    /** A valid number's check character for the first 17 digits (for making test data). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
