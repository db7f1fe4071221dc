/**
 * {@code GET /api/export/{calls,tickets,sirit}.{csv,json}?from&to}: the period's exports as downloads for
 * coordinators, built by {@link org.hth.hotline.core.export.ExportService}.
 */
package org.hth.hotline.console.export;
