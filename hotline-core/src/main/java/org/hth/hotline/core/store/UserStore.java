package org.hth.hotline.core.store;

import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.user.User;

/** Console users. Thread-safe. */
public interface UserStore {

    /** @throws AlreadyExistsException when the user name is taken */
    void create(User user);

    /** Replaces a user. @throws NotFoundException when there is no such user */
    void update(User user);

    Optional<User> find(String username);

    /** Every user, by name. */
    List<User> all();
}
