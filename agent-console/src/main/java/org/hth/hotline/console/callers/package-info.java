/**
 * A caller's pseudonymous history for the incoming-call screen: previous calls and open tickets,
 * never a phone number.
 */
package org.hth.hotline.console.callers;
