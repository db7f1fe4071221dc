/**
 * Connects the coordinator's console endpoints to the dispatcher and the export settings, and the
 * {@code hotline export} command.
 */
package org.hth.hotline.ops.coordinator;
