package org.pallas.server.platform;

/** The {@link RecordedAs} of each event type, read once per class. */
final class RecordedTypes {

    private static final ClassValue<RecordedAs> TYPES = new ClassValue<>() {
        @Override
        protected RecordedAs computeValue(Class<?> type) {
            RecordedAs recorded = type.getAnnotation(RecordedAs.class);
            if (recorded == null) {
                throw new IllegalStateException(type.getName() + " is a RecordedChange without @RecordedAs");
            }
            return recorded;
        }
    };

    private RecordedTypes() {}

    static RecordedAs of(Class<?> type) {
        return TYPES.get(type);
    }
}
