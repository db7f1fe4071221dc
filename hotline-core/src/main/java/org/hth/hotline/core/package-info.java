/**
 * The hotline's domain and its Asterisk controller: calls, roster, referral tickets, and the store port
 * with its SQLite and Redis adapters.
 */
package org.hth.hotline.core;
