/**
 * Live events shared between console nodes through Redis pub/sub, for several {@code hotline serve} nodes on
 * one Redis.
 */
package org.hth.hotline.core.live.redis;
