package org.hth.hotline.console.api;

/**
 * A feature's endpoints under {@code /api} (calls, presence, later tickets, roster …). Registered through
 * {@link ApiRouter}, so every one of them sits behind the session, CSRF and role checks. Called once, on the
 * event loop, when the API is mounted.
 */
@FunctionalInterface
public interface ApiRoutes {
    void register(ApiRouter api);
}
