/**
 * What the store adapters share among themselves (the JSON mapping of records). Not API: other modules
 * must not use it.
 */
package org.hth.hotline.core.store.internal;
