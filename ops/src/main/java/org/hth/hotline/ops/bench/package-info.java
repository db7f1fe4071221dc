/**
 * {@code hotline bench}: the server's speed and scale measured beside the floor of the libraries it builds on,
 * one class per {@link org.hth.hotline.ops.bench.Scenario}, a runner, a printed table and {@code target/bench.json}.
 */
package org.hth.hotline.ops.bench;
