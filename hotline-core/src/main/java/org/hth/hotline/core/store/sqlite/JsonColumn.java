package org.hth.hotline.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.internal.StoreJson;

/**
 * Whole records to and from the {@code json} column. Failures name the record's kind and id but never
 * carry Jackson's message or cause, which may quote the record's content (notes, summaries).
 * Thread-safe.
 */
final class JsonColumn {
    private final ObjectMapper mapper = StoreJson.mapper();

    String write(Object record, String kind, String id) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write " + kind + " " + id + " as JSON (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    <T> T read(String json, Class<T> type, String kind, String id) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read stored " + kind + " " + id + " (" + e.getClass().getSimpleName()
                    + ")");
        }
    }
}
