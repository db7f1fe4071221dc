/**
 * The Redis adapter of the store port (Jedis): records as JSON, sorted-set indexes for paging, and the
 * outbox on a Redis Stream shared by the dispatcher nodes through one consumer group.
 */
package org.hth.hotline.core.store.redis;
