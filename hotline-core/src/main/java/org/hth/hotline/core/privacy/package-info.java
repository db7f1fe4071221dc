/**
 * Caller privacy: normalising caller IDs to E.164, pseudonymising them (HMAC-SHA-256) and sealing the few
 * numbers kept for a callback (AES-GCM). The clear number never leaves these classes except to be dialled.
 */
package org.hth.hotline.core.privacy;
