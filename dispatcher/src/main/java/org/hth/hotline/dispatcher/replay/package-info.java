/**
 * Replaying dead letters: one entry, every dead letter of a destination, or everything since an instant;
 * a replayed entry is sent again with its original {@code webhook-id}.
 */
package org.hth.hotline.dispatcher.replay;
