package org.huijian.web.internal;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

/** What the REST resources need from the web layer: sessions, cookies and problem responses. */
public final class WebSupport {
    private final Sessions sessions;

    WebSupport(Sessions sessions) {
        this.sessions = sessions;
    }

    public Sessions sessions() {
        return sessions;
    }

    public String cookie(String sessionId, boolean secure) {
        return Sessions.COOKIE + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    public String expiredCookie(boolean secure) {
        return Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    public Response problem(String type, int status, String detail, String instance, String lockedUntil) {
        Problem p = Problem.of(type, status, detail, instance);
        return (lockedUntil == null ? p : p.with(java.util.Map.of("lockedUntil", lockedUntil))).response();
    }

    public String csrf(HttpServletRequest request) {
        return session(request) == null ? null : session(request).csrfToken();
    }

    public String sessionId(HttpServletRequest request) {
        return session(request) == null ? null : session(request).id();
    }

    public void closeSession(HttpServletRequest request) {
        sessions.close(sessionId(request));
    }

    private static Sessions.Session session(HttpServletRequest request) {
        return (Sessions.Session) request.getAttribute(AuthFilter.SESSION_PROPERTY);
    }
}
