package org.hth.hotline.core.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.hth.hotline.core.config.Secret;

/**
 * Finds secrets: an environment variable first, else a file named by configuration, else (keys only) the file
 * generated on an earlier start. Reads files, never writes. Problems never quote a secret. Not thread-safe.
 */
public final class SecretResolver {
    private static final String AMI_ENV = "HOTLINE_AMI_SECRET";
    private static final String AMI_FILE_KEY = "ami.secretFile";

    private final Map<String, String> env;
    private final TypedSettings settings;
    private final Problems problems;

    public SecretResolver(Map<String, String> env, TypedSettings settings, Problems problems) {
        this.env = env;
        this.settings = settings;
        this.problems = problems;
    }

    /** The AMI secret, or empty when none is set (or it is unusable, which is then a problem). */
    public Optional<Secret> amiSecret() {
        Optional<String> text = fromEnv(AMI_ENV);
        if (text.isEmpty()) {
            text = settings.optionalText(AMI_FILE_KEY)
                    .flatMap(file -> readFile(AMI_FILE_KEY, file, settings.source(AMI_FILE_KEY)));
        }
        return text.map(Secret::text);
    }

    /** True when the key is set in env, a file is named for it, or it was generated on an earlier start. */
    public boolean isProvided(KeySpec spec, Path dataDir) {
        return fromEnv(spec.env).isPresent() || settings.optionalText(spec.fileKey).isPresent()
                || Files.exists(spec.generatedFile(dataDir));
    }

    /** The key from wherever {@link #isProvided} found it; empty (and a problem) when it is unusable. */
    public Optional<Secret> key(KeySpec spec, Path dataDir) {
        Optional<String> fromEnv = fromEnv(spec.env);
        if (fromEnv.isPresent()) {
            return decode(spec, fromEnv.get(), "env " + spec.env);
        }
        Optional<String> file = settings.optionalText(spec.fileKey);
        if (file.isPresent()) {
            return readFile(spec.fileKey, file.get(), settings.source(spec.fileKey))
                    .flatMap(text -> decode(spec, text, "file " + file.get()));
        }
        Path generated = spec.generatedFile(dataDir);
        return readFile(spec.key, generated.toString(), Optional.of("generated on an earlier start"))
                .flatMap(text -> decode(spec, text, "file " + generated + ", generated earlier"));
    }

    private Optional<String> fromEnv(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    private Optional<String> readFile(String key, String file, Optional<String> source) {
        String content;
        try {
            content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException e) {
            problems.add(key, "file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "a readable file holding the secret", source);
            return Optional.empty();
        }
        String text = content.replaceAll("[\r\n]+$", "");
        if (text.isEmpty()) {
            problems.add(key, "file " + file + " is empty", "a file holding the secret", source);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private Optional<Secret> decode(KeySpec spec, String text, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException notStandard) {
            try {
                bytes = Base64.getUrlDecoder().decode(text.strip());
            } catch (IllegalArgumentException notUrlSafe) {
                problems.add(spec.key, "is not valid base64", spec.expected, Optional.of(source));
                return Optional.empty();
            }
        }
        if (bytes.length < spec.minBytes || bytes.length > spec.maxBytes) {
            String problem = bytes.length < spec.minBytes ? "is too short" : "has the wrong length";
            problems.add(spec.key, problem + " (" + bytes.length + " bytes)", spec.expected, Optional.of(source));
            return Optional.empty();
        }
        return Optional.of(Secret.key(bytes));
    }
}
