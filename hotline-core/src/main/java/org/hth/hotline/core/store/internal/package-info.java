/**
 * What the store adapters share (the JSON mapping of whole records). Not API: other modules must not
 * use it, and it may change without notice.
 */
package org.hth.hotline.core.store.internal;
