/** The Prometheus registry with JVM and Vert.x metrics, and its {@code /metrics} route. */
package org.hth.hotline.ops.metrics;
