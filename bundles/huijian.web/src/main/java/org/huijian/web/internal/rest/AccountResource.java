package org.huijian.web.internal.rest;

import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.huijian.accounts.Account;
import org.huijian.accounts.AccountService;
import org.huijian.accounts.AccountSpec;
import org.huijian.core.Checks;
import org.huijian.core.Role;
import org.huijian.web.Allow;
import org.huijian.web.internal.WebSupport;

/** Accounts, for site administrators. Locking or re-roling an account takes effect on its next request. */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow(Role.SITE_ADMIN)
public class AccountResource {
    private final AccountService accounts;
    private final WebSupport web;

    @Context
    SecurityContext security;

    public AccountResource(AccountService accounts, WebSupport web) {
        this.accounts = accounts;
        this.web = web;
    }

    @GET
    public List<Views.AccountView> list() {
        return accounts.accounts().stream().map(Views.AccountView::of).toList();
    }

    @GET
    @Path("{username}")
    public Views.AccountView get(@PathParam("username") String username) {
        return Views.AccountView.of(accounts.account(username));
    }

    @POST
    public Response create(Views.AccountCreate body) {
        Params.body(body);
        new Checks().required("password", body.password()).done();
        Account a = accounts.create(Params.actor(security), new AccountSpec(body.username(), body.displayName(),
                Views.roles("roles", body.roles()), body.lawyerId(), body.email()), body.password().toCharArray());
        return Response.created(URI.create("accounts/" + a.username())).entity(Views.AccountView.of(a)).build();
    }

    @PUT
    @Path("{username}/roles")
    public Views.AccountView roles(@PathParam("username") String username, Views.RolesRequest body) {
        return Views.AccountView.of(accounts.setRoles(Params.actor(security), username,
                Views.roles("roles", Params.body(body).roles())));
    }

    @POST
    @Path("{username}/lock")
    public Views.AccountView lock(@PathParam("username") String username, Views.LockRequest body) {
        Account a = accounts.lock(Params.actor(security), username, Params.body(body).reason());
        web.sessions().closeAll(username, null);
        return Views.AccountView.of(a);
    }

    @POST
    @Path("{username}/unlock")
    public Views.AccountView unlock(@PathParam("username") String username) {
        return Views.AccountView.of(accounts.unlock(Params.actor(security), username));
    }

    @POST
    @Path("{username}/password")
    public Views.AccountView resetPassword(@PathParam("username") String username, Views.PasswordReset body) {
        new Checks().required("password", Params.body(body).password()).done();
        Account a = accounts.resetPassword(Params.actor(security), username, body.password().toCharArray());
        web.sessions().closeAll(username, null);
        return Views.AccountView.of(a);
    }
}
