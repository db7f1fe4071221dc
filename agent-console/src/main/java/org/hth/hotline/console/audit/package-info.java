/**
 * Writes the audit log (who viewed or changed which call or ticket, logins) and serves it to
 * administrators.
 */
package org.hth.hotline.console.audit;
