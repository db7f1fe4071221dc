/**
 * The ticket outbox: deliveries written together with their ticket, claimed with a lease by dispatcher
 * nodes, retried, completed or dead-lettered, with a log of every attempt.
 */
package org.hth.hotline.core.outbox;
