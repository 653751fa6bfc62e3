package org.huijian.web.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.Authentication;
import org.huijian.core.Checks;
import org.huijian.core.Role;
import org.huijian.web.Allow;
import org.huijian.web.Public;
import org.huijian.web.WebPrincipal;
import org.huijian.web.internal.WebSupport;

/** Sign in, sign out, the current session, and changing one's own password. */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {
    private final AccountService accounts;
    private final WebSupport web;

    @Context
    HttpServletRequest request;
    @Context
    SecurityContext security;

    public SessionResource(AccountService accounts, WebSupport web) {
        this.accounts = accounts;
        this.web = web;
    }

    @POST
    @Public
    public Response signIn(Views.LoginRequest body) {
        new Checks().required("(body)", body).done();
        new Checks().text("username", body.username(), 64).required("password", body.password()).done();
        Authentication result = accounts.authenticate(body.username().strip(), body.password().toCharArray(),
                "web " + request.getRemoteAddr());
        String instance = request.getRequestURI();
        switch (result.outcome()) {
        case OK:
            break;
        case LOCKED:
            return web.problem("account-locked", 401, "too many failed sign-ins; try again after " + result.lockedUntil(),
                    instance, result.lockedUntil().toString());
        case DISABLED:
            return web.problem("account-disabled", 401, "this account was disabled by an administrator", instance, null);
        default:
            return web.problem("invalid-credentials", 401, "wrong user name or password", instance, null);
        }
        Account account = result.account();
        var session = web.sessions().open(account.username());
        return Response.ok(Views.SessionView.of(account, session.csrfToken()))
                .header("Set-Cookie", web.cookie(session.id(), request.isSecure())).build();
    }

    @GET
    @Public
    public Response current() {
        if (!(security.getUserPrincipal() instanceof WebPrincipal principal)) {
            return web.problem("unauthenticated", 401, "sign in first", request.getRequestURI(), null);
        }
        return Response.ok(Views.SessionView.of(accounts.account(principal.getName()), web.csrf(request))).build();
    }

    @DELETE
    @Public
    public Response signOut() {
        web.closeSession(request);
        return Response.noContent().header("Set-Cookie", web.expiredCookie(request.isSecure())).build();
    }

    @POST
    @Path("password")
    @Allow({ Role.SITE_ADMIN, Role.APPROVER, Role.SUPERVISOR, Role.LAWYER, Role.AUDITOR, Role.TERMINAL,
            Role.INTEGRATION })
    public Views.SessionView changePassword(Views.PasswordChange body) {
        new Checks().required("(body)", body).done();
        new Checks().required("currentPassword", body.currentPassword()).required("newPassword", body.newPassword())
                .done();
        WebPrincipal principal = (WebPrincipal) security.getUserPrincipal();
        Account account = accounts.changePassword(principal.actor(), body.currentPassword().toCharArray(),
                body.newPassword().toCharArray());
        web.sessions().closeAll(account.username(), web.sessionId(request));
        return Views.SessionView.of(account, web.csrf(request));
    }
}
