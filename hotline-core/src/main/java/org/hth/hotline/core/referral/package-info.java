/**
 * Referral tickets: what an operator records about a case and to whom it is referred, with the
 * ticket's status life cycle and history.
 */
package org.hth.hotline.core.referral;
