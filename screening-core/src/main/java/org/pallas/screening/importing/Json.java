package org.pallas.screening.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * One line of a JSON-lines file read with jackson-core's streaming parser into maps, lists, strings,
 * doubles, booleans and null. The core stays free of data binding and frameworks; errors name the column.
 */
final class Json {
    private static final JsonFactory JSON = new JsonFactory();

    private Json() {}

    static Object parse(String text) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("invalid JSON at column 1: unexpected end");
            }
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw error(parser.currentTokenLocation().getColumnNr(), "unexpected text after the value");
            }
            return value;
        } catch (UnexpectedEndOfInputException e) {
            throw error(
                    column(e),
                    e.getTokenBeingDecoded() == JsonToken.VALUE_STRING ? "unterminated string" : "unexpected end");
        } catch (JacksonException e) {
            throw error(column(e), e.getOriginalMessage());
        }
    }

    private static int column(JacksonException e) {
        return e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
    }

    private static IllegalArgumentException error(int column, String message) {
        return new IllegalArgumentException("invalid JSON at column " + column + ": " + message);
    }

    private static Object value(JsonParser parser) {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String key; (key = parser.nextName()) != null; ) {
                    parser.nextToken();
                    map.put(key, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return null;
            }
        }
    }
}
