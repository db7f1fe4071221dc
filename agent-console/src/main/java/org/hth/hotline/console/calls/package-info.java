/**
 * The call log for coordinators and the operator who took a call: keyset-paged list with filters,
 * one record with its timeline, and the operator's notes, category, territory and tags.
 */
package org.hth.hotline.console.calls;
