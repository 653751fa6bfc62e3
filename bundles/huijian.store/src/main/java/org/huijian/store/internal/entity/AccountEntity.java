package org.huijian.store.internal.entity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import org.huijian.accounts.spi.AccountRecord;
import org.huijian.core.Role;

@Entity
@Table(name = "HJ_ACCOUNT")
@NamedQueries({
        @NamedQuery(name = "Account.all", query = "SELECT a FROM AccountEntity a ORDER BY a.username"),
        @NamedQuery(name = "Account.byUsername", query = "SELECT a FROM AccountEntity a WHERE a.username = :username"),
        @NamedQuery(name = "Account.byLawyer", query = "SELECT a FROM AccountEntity a WHERE a.lawyerId = :lawyerId"),
        @NamedQuery(name = "Account.withRole", query = "SELECT a FROM AccountEntity a WHERE a.roles LIKE :pattern")
})
public class AccountEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column(name = "USERNAME")
    private String username;
    @Column(name = "DISPLAY_NAME")
    private String displayName;
    /** Role ids separated and surrounded by commas: {@code ,site-admin,auditor,}, so LIKE '%,x,%' finds one. */
    @Column(name = "ROLES")
    private String roles;
    @Column(name = "LAWYER_ID")
    private Long lawyerId;
    @Column(name = "PASSWORD_HASH")
    private String passwordHash;
    @Column(name = "FAILED_ATTEMPTS")
    private int failedAttempts;
    @Column(name = "LOCKED_UNTIL")
    private Timestamp lockedUntil;
    @Column(name = "DISABLED")
    private boolean disabled;
    @Column(name = "DISABLED_REASON")
    private String disabledReason;
    @Column(name = "MUST_CHANGE_PASSWORD")
    private boolean mustChangePassword;
    @Column(name = "CREATED_AT")
    private Timestamp createdAt;
    @Column(name = "LAST_LOGIN_AT")
    private Timestamp lastLoginAt;
    @Column(name = "EMAIL")
    private String email;

    protected AccountEntity() {
    }

    public AccountEntity(AccountRecord r) {
        username = r.username();
        createdAt = Timestamp.from(r.createdAt());
        update(r);
    }

    /** Copies everything but the id, the user name and the creation time. */
    public void update(AccountRecord r) {
        displayName = r.displayName();
        roles = encode(r.roles());
        lawyerId = r.lawyerId();
        passwordHash = r.passwordHash();
        failedAttempts = r.failedAttempts();
        lockedUntil = r.lockedUntil() == null ? null : Timestamp.from(r.lockedUntil());
        disabled = r.disabled();
        disabledReason = r.disabledReason();
        mustChangePassword = r.mustChangePassword();
        lastLoginAt = r.lastLoginAt() == null ? null : Timestamp.from(r.lastLoginAt());
        email = r.email();
    }

    public AccountRecord toRecord() {
        return new AccountRecord(id, username, displayName, decode(roles), lawyerId, passwordHash, failedAttempts,
                instant(lockedUntil), disabled, disabledReason, mustChangePassword, instant(createdAt),
                instant(lastLoginAt), email);
    }

    public static String encode(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().collect(Collectors.joining(",", ",", ","));
    }

    static Set<Role> decode(String roles) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isEmpty()).forEach(id -> Role.byId(id).ifPresent(out::add));
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
