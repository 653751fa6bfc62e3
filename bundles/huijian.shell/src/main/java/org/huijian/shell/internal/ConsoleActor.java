package org.huijian.shell.internal;

import java.lang.reflect.Method;
import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.huijian.core.Actor;
import org.huijian.core.Role;

/**
 * The {@link Actor} behind a console command: the user the Karaf console (local, SSH or
 * {@code bin/client}) signed in through JAAS. Role principals that name a Huijian {@link Role}
 * become the actor's roles; others (Karaf's own {@code admin}, {@code viewer}, ...) are ignored.
 */
final class ConsoleActor {
    static final String ORIGIN = "console";

    /** Used when the command runs without a JAAS subject (e.g. from a script run by the framework). */
    static final Actor ANONYMOUS = new Actor("console", Set.of(), ORIGIN);

    private ConsoleActor() {
    }

    static Actor current() {
        Subject subject = currentSubject();
        if (subject == null) {
            return ANONYMOUS;
        }
        Optional<String> user = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst();
        if (user.isEmpty()) {
            return ANONYMOUS;
        }
        Set<Role> roles = subject.getPrincipals(RolePrincipal.class).stream()
                .map(p -> Role.byId(p.getName()))
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return new Actor(user.get(), roles, ORIGIN);
    }

    /** {@code Subject.current()} where the JDK has it (18+), else the access-control context's subject. */
    private static Subject currentSubject() {
        try {
            Method current = Subject.class.getMethod("current");
            return (Subject) current.invoke(null);
        } catch (NoSuchMethodException e) {
            return legacySubject();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings("removal")
    private static Subject legacySubject() {
        try {
            return Subject.getSubject(AccessController.getContext());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
