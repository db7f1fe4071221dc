package org.hth.hotline.ops;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.hth.hotline.console.auth.PasswordHasher;
import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.store.AlreadyExistsException;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.user.Role;
import org.hth.hotline.core.user.User;
import org.hth.hotline.ops.serve.ServerAssembly;
import org.hth.hotline.ops.users.UserAdder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotline user add NAME --role ROLE}: the password is read from stdin (twice, hidden, on a terminal). */
@Command(name = "add", description = "Add a console user; the password is read from standard input.")
final class UserAddCommand implements Callable<Integer> {
    private final CommandEnvironment environment;

    @Parameters(index = "0", paramLabel = "NAME", description = "login name (a-z 0-9 . _ -)")
    private String username;

    @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
            description = "operator, coordinator or admin (several separated by commas)")
    private List<String> roles;

    @Option(names = "--operator", paramLabel = "ID", description = "the roster operator id of this user, e.g. op-anna")
    private String operatorId;

    @Option(names = "--config", paramLabel = "FILE", description = "hotline.yaml to read")
    private Path config;

    UserAddCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String role : roles) {
            try {
                parsed.add(Role.valueOf(role.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                environment.err().println("--role: \"" + role + "\" is not a role; expected operator, coordinator"
                        + " or admin");
                return 2;
            }
        }
        char[] password = readPassword();
        if (password == null) {
            environment.err().println("password: nothing on standard input; expected the password on one line");
            return 2;
        }
        HotlineConfig loaded = new ConfigSource(Optional.ofNullable(config), environment).loadForRun();
        try (Store store = ServerAssembly.openStore(loaded, environment.clock())) {
            User user = new UserAdder(store.users(), new PasswordHasher(new SecureRandom()), environment.clock())
                    .add(username, parsed, Optional.ofNullable(operatorId), password);
            environment.out().printf("user %s added with roles %s%n", user.username(), user.roles());
            environment.out().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            environment.err().println(e.getMessage());
            return 2;
        } catch (AlreadyExistsException e) {
            environment.err().println("NAME: user \"" + username + "\" already exists");
            return 2;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for %s: ", username);
            char[] again = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, again)) {
                environment.err().println("password: the two entries differ");
                return null;
            }
            return first;
        }
        String line = environment.in().readLine();
        return line == null ? null : line.toCharArray();
    }
}
