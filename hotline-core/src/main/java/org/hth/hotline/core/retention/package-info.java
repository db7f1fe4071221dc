/**
 * Retention: what the daily erasure removes, when it runs, and what it reports. The erasure itself is done by
 * the store ({@link org.hth.hotline.core.store.RetentionStore}); the job that runs it lives in {@code ops}.
 */
package org.hth.hotline.core.retention;
