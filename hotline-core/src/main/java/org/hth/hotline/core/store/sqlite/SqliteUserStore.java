package org.hth.hotline.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.store.AlreadyExistsException;
import org.hth.hotline.core.store.NotFoundException;
import org.hth.hotline.core.store.UserStore;
import org.hth.hotline.core.user.User;

/** Console users in {@code user_account}, keyed by user name. Thread-safe. */
final class SqliteUserStore implements UserStore {
    private static final String KIND = "user";

    private final SqliteDatabase database;
    private final JsonColumn json;

    SqliteUserStore(SqliteDatabase database, JsonColumn json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public void create(User user) {
        String document = json.write(user, KIND, user.username());
        database.write("create user " + user.username(), c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO user_account (username, json) VALUES (?, ?) ON CONFLICT (username) DO NOTHING")) {
                insert.setString(1, user.username());
                insert.setString(2, document);
                if (insert.executeUpdate() == 0) {
                    throw new AlreadyExistsException(KIND, user.username());
                }
                return null;
            }
        });
    }

    @Override
    public void update(User user) {
        String document = json.write(user, KIND, user.username());
        database.write("update user " + user.username(), c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE user_account SET json = ? WHERE username = ?")) {
                update.setString(1, document);
                update.setString(2, user.username());
                if (update.executeUpdate() == 0) {
                    throw new NotFoundException(KIND, user.username());
                }
                return null;
            }
        });
    }

    @Override
    public Optional<User> find(String username) {
        return database.read("find user " + username, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT json FROM user_account WHERE username = ?")) {
                select.setString(1, username);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(json.read(rs.getString(1), User.class, KIND, username))
                            : Optional.<User>empty();
                }
            }
        });
    }

    @Override
    public List<User> all() {
        return database.read("list the users", c -> {
            List<User> users = new ArrayList<>();
            try (var statement = c.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT username, json FROM user_account ORDER BY username")) {
                while (rs.next()) {
                    users.add(json.read(rs.getString(2), User.class, KIND, rs.getString(1)));
                }
            }
            return users;
        });
    }
}
