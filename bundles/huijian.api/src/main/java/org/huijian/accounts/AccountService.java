package org.huijian.accounts;

import java.util.List;
import java.util.Set;
import org.huijian.core.Actor;
import org.huijian.core.Role;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts, passwords and sign-in. Passwords are hashed with a slow KDF; repeated failures lock the
 * account for a while. Every change and every sign-in attempt is an audit event.
 */
@ProviderType
public interface AccountService {

    List<Account> accounts();

    Account account(String username);

    /** The accounts that belong to a lawyer (usually one). */
    List<Account> accountsOf(long lawyerId);

    /** Creates an account; the password must meet the site's password policy. */
    Account create(Actor actor, AccountSpec spec, char[] password);

    Account setRoles(Actor actor, String username, Set<Role> roles);

    /** Disables an account until an administrator unlocks it. */
    Account lock(Actor actor, String username, String reason);

    /** Clears an administrator's lock and any lock from failed sign-ins. */
    Account unlock(Actor actor, String username);

    /** An administrator sets a new password; the owner must change it at next sign-in. */
    Account resetPassword(Actor actor, String username, char[] newPassword);

    /** The owner changes their own password, proving the current one. */
    Account changePassword(Actor actor, char[] currentPassword, char[] newPassword);

    Authentication authenticate(String username, char[] password, String origin);

    /**
     * Checks an account that is about to be created, without creating it: the same rules as
     * {@link #create}, and that the user name is free. Lets a caller that creates other records first
     * refuse before writing anything.
     *
     * @throws org.huijian.core.InvalidInputException or {@link org.huijian.core.ConflictException}
     */
    void validate(AccountSpec spec, char[] password);
}
