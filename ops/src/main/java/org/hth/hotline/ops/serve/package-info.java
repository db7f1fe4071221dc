/**
 * {@code hotline serve}: the server assembly that opens the store, starts the console HTTP server and the
 * telephony and dispatch parts, and stops them cleanly on SIGTERM.
 */
package org.hth.hotline.ops.serve;
