package org.huijian.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.AccountSpec;
import org.huijian.accounts.Authentication;
import org.huijian.accounts.Authentication.Outcome;
import org.huijian.accounts.spi.AccountRecord;
import org.huijian.accounts.spi.AccountStore;
import org.huijian.audit.AuditEntry;
import org.huijian.audit.AuditLog;
import org.huijian.core.Actor;
import org.huijian.core.Checks;
import org.huijian.core.ConflictException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.core.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = AccountService.class, configurationPid = "org.huijian.accounts")
@Designate(ocd = DefaultAccountService.Config.class)
public class DefaultAccountService implements AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultAccountService.class);
    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,}");

    @ObjectClassDefinition(name = "Huijian accounts", description = "Password hashing, lockout and the first administrator")
    public @interface Config {
        @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes")
        int kdfIterations() default 310_000;

        @AttributeDefinition(description = "Consecutive failed sign-ins that lock an account for a while")
        int maxFailedAttempts() default 5;

        @AttributeDefinition(description = "How long such a lock lasts, in minutes")
        int lockMinutes() default 15;

        @AttributeDefinition(description = "Shortest password accepted")
        int minPasswordLength() default 10;

        @AttributeDefinition(description = "User name of the first site administrator")
        String initialAdmin() default "admin";

        @AttributeDefinition(description = "The Karaf JAAS realm these accounts serve")
        String jaasRealm() default "karaf";

        @AttributeDefinition(description = "Rank of that realm; above 0 replaces Karaf's own")
        int jaasRank() default 1;
    }

    private final AccountStore store;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final int maxFailedAttempts;
    private final Duration lockDuration;
    private final Clock clock;

    @Activate
    public DefaultAccountService(@Reference AccountStore store, @Reference AuditLog audit, Config config) {
        this(store, audit, config.kdfIterations(), config.maxFailedAttempts(), Duration.ofMinutes(config.lockMinutes()),
                config.minPasswordLength(), Clock.systemUTC());
        FirstAdmin.ensure(this, store, config.initialAdmin());
    }

    public DefaultAccountService(AccountStore store, AuditLog audit, int kdfIterations, int maxFailedAttempts, Duration lockDuration,
            int minPasswordLength, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.hasher = new PasswordHasher(kdfIterations);
        this.policy = new PasswordPolicy(minPasswordLength);
        this.maxFailedAttempts = maxFailedAttempts;
        this.lockDuration = lockDuration;
        this.clock = clock;
    }

    @Override
    public List<Account> accounts() {
        return store.list().stream().map(AccountRecord::toAccount).toList();
    }

    @Override
    public Account account(String username) {
        return record(username).toAccount();
    }

    @Override
    public List<Account> accountsOf(long lawyerId) {
        return store.findByLawyer(lawyerId).stream().map(AccountRecord::toAccount).toList();
    }

    @Override
    public Account create(Actor actor, AccountSpec spec, char[] password) {
        return create(actor, spec, password, false);
    }

    Account create(Actor actor, AccountSpec spec, char[] password, boolean mustChange) {
        actor.require(Role.SITE_ADMIN);
        check(spec, password);
        Instant now = clock.instant();
        AccountRecord record = new AccountRecord(0, spec.username(), spec.displayName().strip(), spec.roles(),
                spec.lawyerId(), hasher.hash(password), 0, null, false, null, mustChange, now, null, clean(spec.email()));
        return store.insert(record, new AuditEntry(actor, "account.create", "account:" + spec.username(),
                "roles " + roles(spec.roles()))).toAccount();
    }

    @Override
    public void validate(AccountSpec spec, char[] password) {
        check(spec, password);
        if (spec.username() != null && store.find(spec.username()).isPresent()) {
            throw new ConflictException("username", "an account named " + spec.username() + " already exists");
        }
    }

    private void check(AccountSpec spec, char[] password) {
        Checks checks = new Checks()
                .matches("username", spec.username(), USERNAME,
                        "2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter")
                .text("displayName", spec.displayName(), 100)
                .rule(spec.roles() != null && !spec.roles().isEmpty(), "roles", "at least one role is required")
                .rule(spec.roles() == null || !spec.roles().contains(Role.LAWYER) || spec.lawyerId() != null,
                        "lawyerId", "an account with the lawyer role must name its lawyer")
                .rule(spec.lawyerId() == null || (spec.roles() != null && spec.roles().contains(Role.LAWYER)),
                        "lawyerId", "only an account with the lawyer role belongs to a lawyer")
                .rule(spec.email() == null || spec.email().isBlank() || EMAIL.matcher(spec.email().strip()).matches(),
                        "email", "must be an e-mail address like name@example.org");
        checks.done();
        policy.check("password", spec.username(), password);
    }

    @Override
    public Account setRoles(Actor actor, String username, Set<Role> roles) {
        actor.require(Role.SITE_ADMIN);
        new Checks().rule(roles != null && !roles.isEmpty(), "roles", "at least one role is required").done();
        AccountRecord current = record(username);
        new Checks().rule(!roles.contains(Role.LAWYER) || current.lawyerId() != null, "roles",
                "this account belongs to no lawyer, so it cannot have the lawyer role").done();
        if (current.roles().contains(Role.SITE_ADMIN) && !roles.contains(Role.SITE_ADMIN)) {
            keepOneAdmin(username);
        }
        return store.update(username, r -> r.withRoles(EnumSet.copyOf(roles)), new AuditEntry(actor, "account.roles",
                "account:" + username, roles(current.roles()) + " -> " + roles(roles)))
                .toAccount();
    }

    @Override
    public Account lock(Actor actor, String username, String reason) {
        actor.require(Role.SITE_ADMIN);
        new Checks().text("reason", reason, 200).done();
        if (record(username).roles().contains(Role.SITE_ADMIN)) {
            keepOneAdmin(username);
        }
        if (username.equals(actor.username())) {
            throw new ConflictException("username", "you cannot lock your own account");
        }
        return store.update(username, r -> r.withDisabled(true, reason.strip()),
                new AuditEntry(actor, "account.lock", "account:" + username, reason.strip())).toAccount();
    }

    @Override
    public Account unlock(Actor actor, String username) {
        actor.require(Role.SITE_ADMIN);
        return store.update(username, r -> r.withDisabled(false, null),
                new AuditEntry(actor, "account.unlock", "account:" + username, "")).toAccount();
    }

    @Override
    public Account resetPassword(Actor actor, String username, char[] newPassword) {
        actor.require(Role.SITE_ADMIN);
        policy.check("password", username, newPassword);
        record(username);
        String hash = hasher.hash(newPassword);
        return store.update(username, r -> r.withPassword(hash, true),
                new AuditEntry(actor, "account.password-reset", "account:" + username, "")).toAccount();
    }

    @Override
    public Account changePassword(Actor actor, char[] currentPassword, char[] newPassword) {
        String username = actor.username();
        AccountRecord current = record(username);
        if (currentPassword == null || !hasher.verify(currentPassword, current.passwordHash())) {
            audit(actor, "account.password-change-failed", username, "wrong current password");
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        policy.check("newPassword", username, newPassword);
        new Checks().rule(!java.util.Arrays.equals(currentPassword, newPassword), "newPassword",
                "must differ from the current password").done();
        String hash = hasher.hash(newPassword);
        return store.update(username, r -> r.withPassword(hash, false),
                new AuditEntry(actor, "account.password-change", "account:" + username, "")).toAccount();
    }

    @Override
    public Authentication authenticate(String username, char[] password, String origin) {
        Actor actor = new Actor(username == null ? "" : username, Set.of(), origin);
        AccountRecord r = username == null ? null : store.find(username).orElse(null);
        if (r == null || password == null) {
            hasher.waste(password == null ? new char[0] : password);
            audit.append(new AuditEntry(actor, "login.failed", "account:" + cut(username), "unknown user"));
            LOG.debug("Sign-in refused for unknown user from {}", origin);
            return new Authentication(Outcome.BAD_CREDENTIALS, null, null);
        }
        Instant now = clock.instant();
        if (r.disabled()) {
            hasher.waste(password);
            audit(actor, "login.refused", username, "account disabled");
            return new Authentication(Outcome.DISABLED, null, null);
        }
        if (r.lockedUntil() != null && r.lockedUntil().isAfter(now)) {
            hasher.waste(password);
            audit(actor, "login.refused", username, "account locked until " + r.lockedUntil());
            return new Authentication(Outcome.LOCKED, null, r.lockedUntil());
        }
        if (!hasher.verify(password, r.passwordHash())) {
            AccountRecord after = store.update(username, x -> {
                int failures = x.failedAttempts() + 1;
                return failures >= maxFailedAttempts ? x.withSignIn(0, now.plus(lockDuration), x.lastLoginAt())
                        : x.withSignIn(failures, null, x.lastLoginAt());
            }, new AuditEntry(actor, "login.failed", "account:" + username, "wrong password"));
            if (after.lockedUntil() != null) {
                audit(actor, "account.auto-lock", username, maxFailedAttempts + " failed sign-ins; locked until "
                        + after.lockedUntil());
                return new Authentication(Outcome.LOCKED, null, after.lockedUntil());
            }
            return new Authentication(Outcome.BAD_CREDENTIALS, null, null);
        }
        String rehash = hasher.outdated(r.passwordHash()) ? hasher.hash(password) : null;
        AccountRecord after = store.update(username, x -> {
            AccountRecord signedIn = x.withSignIn(0, null, now);
            return rehash == null ? signedIn
                    : signedIn.withPassword(rehash, x.mustChangePassword()).withSignIn(0, null, now);
        }, new AuditEntry(actor, "login.ok", "account:" + username, ""));
        return new Authentication(Outcome.OK, after.toAccount(), null);
    }

    private void audit(Actor actor, String action, String username, String detail) {
        audit.append(new AuditEntry(actor, action, "account:" + username, detail));
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 64 ? s.substring(0, 64) : s;
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String roles(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    private AccountRecord record(String username) {
        if (username == null) {
            throw new NotFoundException("account", "(none)");
        }
        return store.find(username).orElseThrow(() -> new NotFoundException("account", username));
    }

    private void keepOneAdmin(String username) {
        long others = store.list().stream()
                .filter(a -> a.roles().contains(Role.SITE_ADMIN) && !a.disabled() && !a.username().equals(username))
                .count();
        if (others == 0) {
            throw new ConflictException("roles", "this is the last active site administrator; "
                    + "make another account site administrator first");
        }
    }
}
