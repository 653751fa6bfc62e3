package org.huijian.store.internal;

import java.util.regex.Pattern;

/** Input formats shared by the store's services. */
final class Rules {
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    static final String CODE_TEXT = "1 to 32 letters, digits, '-' or '_', starting with a letter or digit";
    static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{3,32}");
    static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    static final Pattern LAWYER_LICENCE = Pattern.compile("[0-9]{17}");
    static final Pattern FIRM_LICENCE = Pattern.compile("[0-9A-Z]{17,18}");

    private Rules() {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Trims, and turns blank optional text into null. */
    static String clean(String s) {
        return blank(s) ? null : s.strip();
    }
}
