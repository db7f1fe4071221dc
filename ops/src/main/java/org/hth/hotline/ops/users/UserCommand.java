package org.hth.hotline.ops.users;

import picocli.CommandLine.Command;

/** {@code hotline user}: the group of account commands. */
@Command(name = "user", description = "Manage console users.")
public final class UserCommand {
}
