package org.huijian.core;

import java.util.Arrays;
import java.util.Optional;

/** The roles an account may hold. {@link #id()} is the form used in REST, the console and JAAS. */
public enum Role {
    /** Configures the site, manages accounts and devices. */
    SITE_ADMIN("site-admin"),
    /** Approves or rejects bookings. */
    APPROVER("approver"),
    /** Oversees live meetings (video only). */
    SUPERVISOR("supervisor"),
    /** A practising lawyer using the portal. */
    LAWYER("lawyer"),
    /** Reads and verifies the audit log; changes nothing. */
    AUDITOR("auditor"),
    /** A kiosk terminal's device credential. */
    TERMINAL("terminal"),
    /** The supervision platform or another site calling the API. */
    INTEGRATION("integration");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Role> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
