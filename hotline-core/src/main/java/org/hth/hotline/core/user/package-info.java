/** Console users: who may log in, with which roles, and as which roster operator. */
package org.hth.hotline.core.user;
