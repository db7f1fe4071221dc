/**
 * What the console shows about the server's own parts (PBX, store, dispatcher) as soon as a page loads, so an
 * operator knows at once when calls or tickets cannot go through.
 */
package org.hth.hotline.console.status;
