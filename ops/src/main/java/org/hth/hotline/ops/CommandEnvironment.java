package org.hth.hotline.ops;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/**
 * What a command reads from and writes to, so tests can run commands in-process.
 *
 * @param env   the environment variables
 * @param in    standard input
 * @param out   standard output
 * @param err   standard error
 * @param clock the time
 */
public record CommandEnvironment(Map<String, String> env, BufferedReader in, PrintWriter out, PrintWriter err,
                                 Clock clock) {
    public CommandEnvironment {
        env = Map.copyOf(env);
    }
}
