/**
 * The on-call roster: operators, rotations, overrides and the escalation policy, and each operator's
 * presence as set from the console.
 */
package org.hth.hotline.core.roster;
