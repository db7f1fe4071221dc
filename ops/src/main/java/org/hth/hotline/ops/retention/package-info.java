/**
 * The daily retention job: erases personal data past the retention period and expired callback numbers,
 * records its last run under the data directory, and reports it as meters and to the coordinator.
 */
package org.hth.hotline.ops.retention;
