/**
 * Live events over the WebSocket /api/events: one subscription to LiveEvents fanned out to the sockets,
 * each event only to the roles and operators it concerns; slow sockets are dropped.
 */
package org.hth.hotline.console.events;
