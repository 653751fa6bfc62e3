package org.huijian.accounts;

import java.util.Set;
import org.huijian.core.Role;

/** What an administrator enters to create an account. */
/** @param email where notifications go by e-mail, or {@code null} */
public record AccountSpec(String username, String displayName, Set<Role> roles, Long lawyerId, String email) {
}
