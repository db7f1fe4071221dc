/**
 * Wires the coordinator's endpoints (statistics, roster, deliveries, exports) for the server assembly.
 */
package org.hth.hotline.console.coordinator;
