/**
 * Console authentication: Argon2id password hashing, checking a user name and password (with a dummy hash
 * for unknown users), and login rate limiting with lock-out per user name and per client address.
 */
package org.hth.hotline.console.auth;
