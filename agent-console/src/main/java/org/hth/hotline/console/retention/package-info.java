/**
 * {@code GET /api/retention}: what the coordinator sees of the retention job (period, last run, next run).
 */
package org.hth.hotline.console.retention;
