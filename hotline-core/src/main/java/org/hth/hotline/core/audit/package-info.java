/** The audit log: who viewed or changed which call, ticket, roster or user, and when. */
package org.hth.hotline.core.audit;
