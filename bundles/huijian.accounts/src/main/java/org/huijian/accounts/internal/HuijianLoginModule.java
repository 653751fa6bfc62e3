package org.huijian.accounts.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.Authentication;
import org.huijian.core.Role;

/**
 * Signs in to the Karaf console and SSH with Huijian accounts. Site administrators get Karaf's
 * administrative roles; auditors may open the console to read; other roles have no console access.
 */
public class HuijianLoginModule implements LoginModule {
    /** Karaf roles granted with each Huijian role, beside the Huijian role itself. */
    static final Map<Role, List<String>> KARAF_ROLES = Map.of(
            Role.SITE_ADMIN, List.of("admin", "manager", "viewer", "systembundles", "ssh"),
            Role.AUDITOR, List.of("viewer", "ssh"));

    static volatile AccountService accounts;

    private Subject subject;
    private CallbackHandler callbacks;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
    }

    @Override
    public boolean login() throws LoginException {
        AccountService service = accounts;
        if (service == null) {
            throw new LoginException("Huijian accounts are not available yet");
        }
        NameCallback name = new NameCallback("user name: ");
        PasswordCallback password = new PasswordCallback("password: ", false);
        try {
            callbacks.handle(new Callback[] { name, password });
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read the credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        password.clearPassword();
        Authentication result = service.authenticate(name.getName(), secret == null ? new char[0] : secret, "console");
        switch (result.outcome()) {
        case OK:
            break;
        case LOCKED:
            throw new AccountLockedException("account locked until " + result.lockedUntil());
        case DISABLED:
            throw new AccountLockedException("account disabled");
        default:
            throw new FailedLoginException("wrong user name or password");
        }
        principals.add(new UserPrincipal(result.account().username()));
        for (Role role : result.account().roles()) {
            principals.add(new RolePrincipal(role.id()));
            KARAF_ROLES.getOrDefault(role, List.of()).forEach(r -> principals.add(new RolePrincipal(r)));
        }
        return true;
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(Set.copyOf(principals));
        return true;
    }

    @Override
    public boolean abort() {
        principals.clear();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        return true;
    }
}
