/**
 * The server's one typed configuration: immutable records per concern, loaded from {@code config/hotline.yaml}
 * and {@code HOTLINE_…} environment variables by {@link org.hth.hotline.core.config.ConfigLoader}, validated once.
 */
package org.hth.hotline.core.config;
