/** Console authentication: password hashing and, later, sessions, roles and CSRF protection. */
package org.hth.hotline.console.auth;
