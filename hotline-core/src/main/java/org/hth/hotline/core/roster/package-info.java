/**
 * The on-call roster: operators, rotations, overrides and the escalation policy, and each operator's
 * presence as set from the console. Pure domain: {@link org.hth.hotline.core.roster.RosterParser} reads
 * {@code config/roster.yaml}, {@link org.hth.hotline.core.roster.OnCallSchedule} says who is on call,
 * {@link org.hth.hotline.core.roster.CoverageCheck} finds uncovered hours and
 * {@link org.hth.hotline.core.roster.EscalationPlanner} plans the rings of a call.
 */
package org.hth.hotline.core.roster;
