/**
 * The deliveries' API for coordinators: the outbox by destination and state with each entry's recent attempts and
 * the circuits, the replay of dead letters through the dispatcher, and the destinations' URL and enabled switch.
 */
package org.hth.hotline.console.deliveries;
