package org.hth.hotline.core.config.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * One parsed YAML configuration file: its tree, and the line each key is on so messages can point at it.
 *
 * @param file  the file, as given
 * @param root  its tree (a missing node for an empty file)
 * @param lines key path ({@code console.port}) → 1-based line number
 */
public record YamlSource(Path file, JsonNode root, Map<String, Integer> lines) {

    /** Where a key was set, for messages: {@code config/hotline.yaml line 12}. */
    public Optional<String> describe(String keyPath) {
        Integer line = lines.get(keyPath);
        return Optional.of(line == null ? file.toString() : file + " line " + line);
    }

    /**
     * Parses {@code text}. Duplicate keys are an error.
     *
     * @throws MalformedYamlException with the line, column and the parser's first line of explanation
     */
    public static YamlSource parse(Path file, String text) {
        YAMLMapper mapper = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        try {
            JsonNode root = mapper.readTree(text);
            return new YamlSource(file, root, locate(mapper, text));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = e.getOriginalMessage().lines().findFirst().orElse("cannot be parsed").strip();
            throw new MalformedYamlException(at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), why);
        }
    }

    private static Map<String, Integer> locate(YAMLMapper mapper, String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    lines.put(pointer.substring(1).replace('/', '.'), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed", e);
        }
        return Map.copyOf(lines);
    }

    /** The file is not valid YAML. Positions are 1-based, -1 when unknown. */
    public static final class MalformedYamlException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        MalformedYamlException(int line, int column, String reason) {
            super(reason, null, false, false);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }
}
