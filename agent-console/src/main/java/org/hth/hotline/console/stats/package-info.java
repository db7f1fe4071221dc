/**
 * {@code GET /api/stats}: the statistics of a period for coordinators, computed by
 * {@link org.hth.hotline.core.stats.StatsService} on a worker thread.
 */
package org.hth.hotline.console.stats;
