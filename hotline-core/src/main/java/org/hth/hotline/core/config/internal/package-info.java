/**
 * How the configuration is read: the layered key tree, environment names, value parsers and secret resolution.
 * Not API: other modules use {@link org.hth.hotline.core.config.ConfigLoader} and the records.
 */
package org.hth.hotline.core.config.internal;
