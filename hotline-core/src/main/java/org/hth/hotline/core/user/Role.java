package org.hth.hotline.core.user;

/** What a console user may do. */
public enum Role {
    OPERATOR,
    COORDINATOR,
    ADMIN
}
