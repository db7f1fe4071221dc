/**
 * An operator's presence from the console (available, away, wrap-up): stored for the roster and
 * published as a live event.
 */
package org.hth.hotline.console.presence;
