/**
 * The deliveries' API for coordinators: the outbox by destination and state with each entry's recent attempts and
 * the circuits, and the replay of dead letters through the dispatcher.
 */
package org.hth.hotline.console.deliveries;
