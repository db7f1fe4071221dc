/**
 * JMH micro-benchmarks of the hot paths of a call (the AGI reply parser, the number normaliser, the caller's
 * pseudonym) and of a webhook (its signature). Built only with the {@code jmh} profile; README, "Micro-benchmarks
 * (JMH)", says how to run them.
 */
package org.hth.hotline.ops.bench.jmh;
