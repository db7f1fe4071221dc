/**
 * JMH micro-benchmarks of the hot paths of a call: the caller's pseudonym and the number normaliser.
 * Built only with the {@code jmh} profile; see {@code ops/PERFORMANCE.md} for how to run them.
 */
package org.hth.hotline.ops.bench.jmh;
