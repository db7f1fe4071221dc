/**
 * Exports of a period as tables, written as CSV (cells neutralised against formula injection) or JSON: calls,
 * tickets, and the anonymised SIRIT dataset (counts only, small counts suppressed).
 */
package org.hth.hotline.core.export;
