/**
 * Consented callbacks: a caller's sealed number is opened inside the server only to ring the operator, then the
 * caller, through AMI; every attempt and its outcome go into the ticket's history.
 */
package org.hth.hotline.core.callback;
