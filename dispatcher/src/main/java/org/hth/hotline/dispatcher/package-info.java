/**
 * The dispatcher: delivers referral tickets from the outbox to the UOR and the street units as signed
 * webhooks; {@link org.hth.hotline.dispatcher.Dispatcher} is what the server assembly starts.
 */
package org.hth.hotline.dispatcher;
