package org.hth.hotline.core.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes a {@link Roster} as the YAML that {@link RosterParser} reads, so that
 * {@code parse(write(roster)).equals(roster)}: what the console saves after an edit. Comments and key
 * order of a hand-written file are not kept. Thread-safe.
 */
public final class RosterWriter {
    private final YAMLMapper yaml = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

    public String write(Roster roster) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("timezone", roster.zone().getId());
        root.put("operators", roster.operators().stream().map(RosterWriter::operator).toList());
        root.put("rotations", roster.rotations().stream().map(RosterWriter::rotation).toList());
        root.put("overrides", roster.overrides().stream().map(RosterWriter::override).toList());
        root.put("escalation", roster.escalation().stream().map(RosterWriter::step).toList());
        root.put("fallback", roster.fallback().stream().map(RosterWriter::fallback).toList());
        try {
            return yaml.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a roster of strings and numbers could not be written", e);
        }
    }

    private static Map<String, Object> operator(Operator operator) {
        Map<String, Object> endpoints = new LinkedHashMap<>();
        for (EndpointKind kind : EndpointKind.values()) {
            operator.endpoint(kind).ifPresent(dial -> endpoints.put(kind.yamlName(), dial));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", operator.id());
        map.put("name", operator.name());
        map.put("languages", new ArrayList<>(operator.languages()));
        map.put("endpoints", endpoints);
        return map;
    }

    private static Map<String, Object> rotation(Rotation rotation) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", rotation.id());
        map.put("members", new ArrayList<>(rotation.members()));
        Map<String, Object> handoff = new LinkedHashMap<>();
        handoff.put("weekday", rotation.handoff().weekday().name());
        handoff.put("time", Problems.TIME.format(rotation.handoff().time()));
        map.put("handoff", handoff);
        rotation.covers().ifPresent(window -> map.put("covers", window(window)));
        return map;
    }

    private static Map<String, Object> window(DailyWindow window) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("from", Problems.TIME.format(window.from()));
        map.put("to", Problems.TIME.format(window.to()));
        return map;
    }

    private static Map<String, Object> override(OnCallOverride override) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("operator", override.operator());
        map.put("from", Problems.DATE_TIME.format(override.from()));
        map.put("to", Problems.DATE_TIME.format(override.to()));
        override.replaces().ifPresent(replaced -> map.put("replaces", replaced));
        return map;
    }

    private static Map<String, Object> step(EscalationStep step) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ring", step.target().yamlName());
        map.put("seconds", step.ringSeconds());
        step.prefer().ifPresent(kind -> map.put("prefer", kind.yamlName()));
        if (step.preferLanguage()) {
            map.put("preferLanguage", true);
        }
        return map;
    }

    private static Map<String, Object> fallback(FallbackStep step) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (step instanceof FallbackStep.Dial dial) {
            map.put("dial", dial.dialString());
            map.put("seconds", dial.seconds());
        } else if (step instanceof FallbackStep.Voicemail voicemail) {
            map.put("voicemail", voicemail.box());
        }
        return map;
    }
}
