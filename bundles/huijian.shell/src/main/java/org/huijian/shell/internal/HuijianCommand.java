package org.huijian.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.huijian.core.Actor;
import org.huijian.core.ConflictException;
import org.huijian.core.HuijianException;
import org.huijian.core.InvalidInputException;
import org.huijian.core.NotFoundException;
import org.huijian.site.Centre;
import org.huijian.site.DetentionCentre;
import org.huijian.site.SiteService;
import org.huijian.site.Terminal;

/**
 * What every {@code huijian:} command shares: the acting principal, output, and turning the services'
 * errors into a one-line reason. A command implements {@link #run()}; an error of the services
 * ({@link HuijianException}) becomes a {@link CommandException} with that reason, which the console
 * prints as {@code Error executing command: <reason>} (no stack trace) and which makes the command,
 * {@code bin/client} and SSH exec end with a non-zero status.
 *
 * <p>Service references in commands are optional so that every command is registered even while a
 * service is missing; {@link #need} then fails with a reason instead of "Command not found".
 */
public abstract class HuijianCommand implements Action {

    @Reference
    protected Session session;

    @Override
    public final Object execute() throws Exception {
        try {
            run();
            return null;
        } catch (HuijianException e) {
            throw new CommandException(reason(e), e);
        }
    }

    /** Does the work, printing to {@link #out()}. */
    protected abstract void run() throws Exception;

    /** Who is acting, for the audit log. */
    protected Actor actor() {
        return ConsoleActor.current();
    }

    /** The command's output (the session's, so pipes and redirections work). */
    protected PrintStream out() {
        return System.out;
    }

    /** A failure with a one-line reason, to throw. */
    protected static CommandException fail(String reason) {
        return new CommandException(reason);
    }

    /** The service, or a failure naming what is not running. */
    protected static <T> T need(T service, String what) throws CommandException {
        if (service == null) {
            throw fail(what + " is not available (is its feature installed and started?)");
        }
        return service;
    }

    static String reason(HuijianException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.violations().stream()
                    .map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; "));
        }
        if (e instanceof ConflictException conflict && conflict.field() != null
                && !e.getMessage().startsWith(conflict.field())) {
            return conflict.field() + ": " + e.getMessage();
        }
        return e.getMessage();
    }

    /**
     * The new password: {@code given} (from a {@code --password} option, for scripts and tests) when
     * not null, else read twice without echo. Fails when empty, when the two differ, or when the
     * session has no terminal to ask on ({@code bin/client -b}, SSH exec, Pax Exam).
     */
    protected char[] newPassword(String given, String username) throws IOException, CommandException {
        if (given != null) {
            if (given.isEmpty()) {
                throw fail("password: is required");
            }
            return given.toCharArray();
        }
        String first;
        String second;
        try {
            first = session.readLine("New password for " + username + ": ", '*');
            if (first == null || first.isEmpty()) {
                throw fail("password: is required");
            }
            second = session.readLine("Repeat the password: ", '*');
        } catch (UnsupportedOperationException e) {
            throw fail("this session cannot ask for a password; give it with --password");
        }
        if (!first.equals(second)) {
            throw fail("password: the two entries differ");
        }
        return first.toCharArray();
    }

    // Look-ups by the codes people type.

    protected static Centre centre(SiteService site, String code) {
        return site.centreByCode(code).orElseThrow(() -> new NotFoundException("centre", code));
    }

    protected static DetentionCentre detentionCentre(SiteService site, String code) {
        return site.detentionCentreByCode(code).orElseThrow(() -> new NotFoundException("detention centre", code));
    }

    protected static Terminal terminal(SiteService site, String code) {
        return site.terminalByCode(code).orElseThrow(() -> new NotFoundException("terminal", code));
    }
}
