/**
 * Referral tickets in the console: opening one from the operator's form, the operator's recent tickets with their
 * delivery status per destination, one ticket's history and deliveries, and the consented callback.
 */
package org.hth.hotline.console.tickets;
