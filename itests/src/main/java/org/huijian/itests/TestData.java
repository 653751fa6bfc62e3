package org.huijian.itests;

/** Valid made-up personal numbers for tests and benchmarks. */
public final class TestData {
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private TestData() {
    }

    /** A resident identity card number with a correct check character, from its first 17 digits. */
    public static String idCard(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
