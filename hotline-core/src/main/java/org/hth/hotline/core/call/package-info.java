/**
 * Call records: what happened on one call to the line, from arrival to hang-up, written when the call
 * ends. The caller appears only as a pseudonym.
 */
package org.hth.hotline.core.call;
