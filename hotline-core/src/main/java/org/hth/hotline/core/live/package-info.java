/**
 * Live events for the console ({@code call.ringing}, {@code call.ended}, {@code presence.changed} …): an
 * in-process bus now, Redis pub/sub between console nodes in Redis mode.
 */
package org.hth.hotline.core.live;
