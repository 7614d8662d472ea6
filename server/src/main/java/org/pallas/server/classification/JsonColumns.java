package org.pallas.server.classification;

import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSONB columns of this module: answers, proposals and ratings, written and read with one mapper. */
final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {};

    private JsonColumns() {}

    static String write(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    static Map<String, List<String>> answers(String json) {
        return JSON.readValue(json, ANSWERS);
    }

    static <T> T read(String json, Class<T> type) {
        return json == null ? null : JSON.readValue(json, type);
    }
}
