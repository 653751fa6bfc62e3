package org.huijian.web.internal;

import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;
import org.huijian.core.Actor;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.huijian.devices.TerminalIdentity;
import org.huijian.directory.DirectoryService;
import org.huijian.web.Allow;
import org.huijian.web.Public;
import org.huijian.web.WebPrincipal;

/**
 * Runs before every resource method: finds the session, re-reads the account (so a lock or a role change
 * takes effect at once), checks the CSRF token of state-changing requests, and checks the method's
 * {@link Allow} roles. A method with neither {@link Allow} nor {@link Public} is refused.
 */
final class AuthFilter implements ContainerRequestFilter {
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String SESSION_PROPERTY = "huijian.session";
    private static final String BEARER = "Bearer ";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    static final MediaType CSV = new MediaType("text", "csv");

    private final Sessions sessions;
    private final AccountService accounts;
    private final int maxRequestBytes;
    private final Function<String, Optional<TerminalIdentity>> terminals;

    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest request;

    AuthFilter(Sessions sessions, AccountService accounts, int maxRequestBytes) {
        this(sessions, accounts, maxRequestBytes, secret -> Optional.empty());
    }

    /** @param terminals the terminal a device secret signs in ({@code Authorization: Bearer hjt_…}), if any */
    AuthFilter(Sessions sessions, AccountService accounts, int maxRequestBytes,
            Function<String, Optional<TerminalIdentity>> terminals) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.maxRequestBytes = maxRequestBytes;
        this.terminals = terminals;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        String instance = request.getRequestURI();
        // JSON bodies are limited here, and so are CSV files, which only an import takes (its method consumes
        // text/csv; any other method answers 415 before this filter runs) and whose limit is the import's own.
        // Uploads of any other type are limited by the resource that reads them.
        MediaType type = ctx.getMediaType();
        boolean json = type != null && type.getSubtype().endsWith("json");
        boolean csv = type != null && type.isCompatible(CSV) && consumes(resource.getResourceMethod(), CSV);
        long limit = json ? maxRequestBytes : csv ? DirectoryService.MAX_IMPORT_BYTES : -1;
        if (limit >= 0 && ctx.getLength() > limit) {
            ctx.abortWith(Problem.of("payload-too-large", 413, "the body is " + ctx.getLength()
                    + " bytes; at most " + limit + " are accepted", instance).response());
            return;
        }
        Method method = resource.getResourceMethod();
        Class<?> resourceClass = resource.getResourceClass();
        if (method == null) {
            return;
        }
        boolean isPublic = method.isAnnotationPresent(Public.class)
                || (resourceClass.isAnnotationPresent(Public.class) && !method.isAnnotationPresent(Allow.class));
        String authorization = ctx.getHeaderString("Authorization");
        if (authorization != null && authorization.startsWith(BEARER)) {
            terminal(ctx, authorization.substring(BEARER.length()).strip(), method, resourceClass, isPublic, instance);
            return;
        }
        Optional<Sessions.Session> session = Optional.ofNullable(ctx.getCookies().get(Sessions.COOKIE))
                .map(Cookie::getValue).flatMap(sessions::find);
        Optional<Account> account = session.flatMap(s -> current(s.username()));
        if (session.isPresent() && account.isEmpty()) {
            sessions.close(session.get().id());
        }
        if (account.isPresent()) {
            Account a = account.get();
            request.setAttribute(SESSION_PROPERTY, session.get());
            Actor actor = new Actor(a.username(), a.roles(), "web " + request.getRemoteAddr());
            WebPrincipal principal = new WebPrincipal(actor, a.displayName(), a.lawyerId());
            boolean secure = ctx.getSecurityContext().isSecure();
            ctx.setSecurityContext(new SecurityContext() {
                @Override
                public WebPrincipal getUserPrincipal() {
                    return principal;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return Role.byId(role).map(a::has).orElse(false);
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }

                @Override
                public String getAuthenticationScheme() {
                    return "SESSION";
                }
            });
        }
        if (isPublic) {
            return;
        }
        if (account.isEmpty()) {
            ctx.abortWith(Problem.of("unauthenticated", 401, "sign in first", instance).response());
            return;
        }
        if (!SAFE.contains(ctx.getMethod()) && !csrfMatches(ctx.getHeaderString(CSRF_HEADER), session.get().csrfToken())) {
            ctx.abortWith(Problem.of("csrf", 403, "send the header " + CSRF_HEADER
                    + " with the csrfToken of your session", instance).response());
            return;
        }
        if (account.get().mustChangePassword()
                && resourceClass != org.huijian.web.internal.rest.SessionResource.class) {
            ctx.abortWith(Problem.of("forbidden", 403, "change your password first (POST /api/session/password)",
                    instance).response());
            return;
        }
        Allow allow = method.isAnnotationPresent(Allow.class) ? method.getAnnotation(Allow.class)
                : resourceClass.getAnnotation(Allow.class);
        Set<Role> allowed = allow == null ? Set.of() : EnumSet.copyOf(Arrays.asList(allow.value()));
        if (account.get().roles().stream().noneMatch(allowed::contains)) {
            ctx.abortWith(Problem.of("forbidden", 403, "your roles " + account.get().roles()
                    + " may not do this; it needs one of " + allowed, instance).response());
        }
    }

    /** Whether the resource method declares that it takes bodies of this media type. */
    static boolean consumes(Method method, MediaType type) {
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        return consumes != null && Arrays.stream(consumes.value()).map(MediaType::valueOf).anyMatch(type::isCompatible);
    }

    /**
     * A kiosk signed in by its terminal's device secret: no session and no CSRF token (the secret is not sent by
     * the browser on its own), the terminal role only, and the secret checked again on every request, so a revoked
     * credential or a disabled terminal stops at once.
     */
    private void terminal(ContainerRequestContext ctx, String secret, Method method, Class<?> type, boolean isPublic,
            String instance) {
        Optional<TerminalIdentity> terminal = terminals.apply(secret);
        if (terminal.isEmpty()) {
            ctx.abortWith(Problem.of("unauthenticated", 401, "the terminal's credential is not valid (revoked, "
                    + "replaced or mistyped); ask the site administrator for a new one", instance).response());
            return;
        }
        TerminalIdentity t = terminal.get();
        Actor actor = new Actor("terminal:" + t.code(), Set.of(Role.TERMINAL), "terminal " + request.getRemoteAddr());
        WebPrincipal principal = new WebPrincipal(actor, t.name(), null, t);
        boolean secure = ctx.getSecurityContext().isSecure();
        ctx.setSecurityContext(new SecurityContext() {
            @Override
            public WebPrincipal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return Role.TERMINAL.id().equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "BEARER";
            }
        });
        if (isPublic) {
            return;
        }
        Allow allow = method.isAnnotationPresent(Allow.class) ? method.getAnnotation(Allow.class)
                : type.getAnnotation(Allow.class);
        if (allow == null || !Arrays.asList(allow.value()).contains(Role.TERMINAL)) {
            ctx.abortWith(Problem.of("forbidden", 403, "a terminal may not do this", instance).response());
        }
    }

    private Optional<Account> current(String username) {
        try {
            Account a = accounts.account(username);
            return a.disabled() ? Optional.empty() : Optional.of(a);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    static boolean csrfMatches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
