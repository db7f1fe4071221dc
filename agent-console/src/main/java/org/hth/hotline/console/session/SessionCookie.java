package org.hth.hotline.console.session;

import java.util.Optional;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The session cookie: HttpOnly, SameSite=Strict, Path=/, no Domain, and Secure (with the {@code __Host-} name
 * prefix, so a sibling host cannot plant it) when the console is reached over HTTPS. No Max-Age: it ends
 * with the browser, and the server expires it sooner. Immutable.
 */
public final class SessionCookie {
    private final boolean secure;
    private final String name;

    public SessionCookie(boolean secure) {
        this.secure = secure;
        this.name = secure ? "__Host-hotline-session" : "hotline-session";
    }

    public String name() {
        return name;
    }

    /** The session id the request carries, if it looks like one of ours. */
    public Optional<String> read(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(name);
        return Optional.ofNullable(cookie).map(Cookie::getValue).filter(v -> v.matches("[A-Za-z0-9_-]{43}"));
    }

    public void set(RoutingContext ctx, String sessionId) {
        ctx.response().addCookie(base(sessionId));
    }

    /** Tells the browser to drop the cookie. */
    public void clear(RoutingContext ctx) {
        ctx.response().addCookie(base("").setMaxAge(0));
    }

    private Cookie base(String value) {
        return Cookie.cookie(name, value).setHttpOnly(true).setSecure(secure).setSameSite(CookieSameSite.STRICT)
                .setPath("/");
    }
}
