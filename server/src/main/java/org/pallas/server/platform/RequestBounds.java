package org.pallas.server.platform;

import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.ArrayType;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.MapType;

/**
 * Bounds and text rules for every JSON request body, in one place (the strict mapper of {@link WebConfiguration}):
 * <ul>
 *   <li>no text value may hold a NUL character (U+0000): PostgreSQL cannot store it, and it has no business in a
 *       name or a reason;
 *   <li>a text value is at most {@link #MAX_TEXT} characters, or its {@code @Size(max)} when that is larger (a
 *       field's own smaller {@code @Size} is left to Bean Validation and its message);
 *   <li>a list or map has at most {@link #MAX_ITEMS} entries, or its {@code @Size(max)} when larger.
 * </ul>
 * A refused value is a 400 naming the field ({@link JsonBodyProblems}); the same limits are written into the
 * OpenAPI schema as {@code maxLength}/{@code maxItems} ({@link ApiDocumentation}).
 */
final class RequestBounds {
    /** Characters in one text value of a request body unless its field declares more. */
    static final int MAX_TEXT = 10_000;
    /** Entries of one list or map in a request body unless its field declares more. */
    static final int MAX_ITEMS = 1_000;

    private RequestBounds() {}

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("pallas-request-bounds");
        module.addDeserializer(String.class, new Text(MAX_TEXT));
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(
                    DeserializationConfig config,
                    CollectionType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return new Items(deserializer, MAX_ITEMS);
            }

            @Override
            public ValueDeserializer<?> modifyMapDeserializer(
                    DeserializationConfig config,
                    MapType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return new Items(deserializer, MAX_ITEMS);
            }

            @Override
            public ValueDeserializer<?> modifyArrayDeserializer(
                    DeserializationConfig config,
                    ArrayType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return type.getContentType().isPrimitive() ? deserializer : new Items(deserializer, MAX_ITEMS);
            }
        });
        return module;
    }

    /** A value refused by these bounds; its message is written for the caller and names no Java type. */
    static final class Refused extends MismatchedInputException {
        Refused(JsonParser p, String message) {
            super(p, message);
        }
    }

    private static int limit(BeanProperty property, int standard) {
        Size size = property == null ? null : property.getAnnotation(Size.class);
        return size == null ? standard : Math.max(size.max(), standard);
    }

    private static final class Text extends StdScalarDeserializer<String> {
        private final int max;

        Text(int max) {
            super(String.class);
            this.max = max;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            int limit = limit(property, MAX_TEXT);
            return limit == max ? this : new Text(limit);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            if (value.length() > max) {
                throw new Refused(
                        p, "Must be " + String.format(java.util.Locale.ROOT, "%,d", max) + " characters or fewer");
            }
            if (value.indexOf('\u0000') >= 0) {
                throw new Refused(p, "Must not contain the NUL character (U+0000)");
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    private static final class Items extends DelegatingDeserializer {
        private final int max;

        Items(ValueDeserializer<?> delegate, int max) {
            super(delegate);
            this.max = max;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Items(delegate, max);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            ValueDeserializer<?> contextual = super.createContextual(ctxt, property);
            ValueDeserializer<?> delegate = contextual instanceof Items items ? items.getDelegatee() : contextual;
            return new Items(delegate, limit(property, MAX_ITEMS));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            return checked(p, super.deserialize(p, ctxt));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) {
            return checked(p, super.deserialize(p, ctxt, intoValue));
        }

        private Object checked(JsonParser p, Object value) {
            int size = value instanceof Collection<?> c
                    ? c.size()
                    : value instanceof Map<?, ?> m ? m.size() : value instanceof Object[] a ? a.length : 0;
            if (size > max) {
                throw new Refused(p, "At most " + String.format(java.util.Locale.ROOT, "%,d", max) + " entries");
            }
            return value;
        }
    }
}
