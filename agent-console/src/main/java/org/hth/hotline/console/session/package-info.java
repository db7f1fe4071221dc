/**
 * Console sessions: server-side session registry with idle and absolute expiry, the session cookie, and
 * the guard that checks session, role and CSRF token on every /api request; login, logout and /api/me.
 */
package org.hth.hotline.console.session;
