/**
 * The store port: what the hotline keeps (calls, roster, tickets, outbox, users, audit) behind one
 * interface, with an SQLite adapter (embedded default) and a Redis adapter (production, several nodes).
 */
package org.hth.hotline.core.store;
