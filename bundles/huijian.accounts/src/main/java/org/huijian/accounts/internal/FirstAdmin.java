package org.huijian.accounts.internal;

import java.util.Arrays;
import java.util.Set;
import org.huijian.accounts.AccountSpec;
import org.huijian.accounts.spi.AccountRecord;
import org.huijian.accounts.spi.AccountStore;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a fresh site can be administered: when no site administrator exists, creates one. Its
 * password comes from {@code HUIJIAN_ADMIN_PASSWORD} (or {@code -Dhuijian.admin.password}); otherwise
 * one is generated, printed once on the console (never logged), and must be changed at first sign-in.
 */
final class FirstAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private FirstAdmin() {
    }

    static void ensure(DefaultAccountService accounts, AccountStore store, String username) {
        boolean hasAdmin = store.list().stream().map(AccountRecord::roles).anyMatch(r -> r.contains(Role.SITE_ADMIN));
        if (hasAdmin) {
            return;
        }
        String given = System.getenv("HUIJIAN_ADMIN_PASSWORD");
        if (given == null || given.isEmpty()) {
            given = System.getProperty("huijian.admin.password");
        }
        boolean generated = given == null || given.isEmpty();
        char[] password = generated ? PasswordPolicy.generate() : given.toCharArray();
        try {
            accounts.create(Actor.SYSTEM, new AccountSpec(username, "系统管理员", Set.of(Role.SITE_ADMIN), null, null), password,
                    generated);
            LOG.info("Created the first site administrator '{}' (password {})", username,
                    generated ? "printed once on the console" : "from the environment");
            if (generated) {
                System.out.println();
                System.out.println("==================================================================");
                System.out.println(" Huijian: first site administrator created");
                System.out.println("   user name: " + username);
                System.out.println("   password:  " + new String(password));
                System.out.println(" This password is shown only once. Change it at first sign-in.");
                System.out.println("==================================================================");
                System.out.println();
            }
        } catch (RuntimeException e) {
            LOG.error("Could not create the first site administrator '{}': {}", username, e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
