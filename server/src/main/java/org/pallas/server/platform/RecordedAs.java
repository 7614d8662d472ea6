package org.pallas.server.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an event type is recorded on the ledger: its record type and subject type, stated on every {@link
 * RecordedChange} record. The strings are stored in every ledger entry, so they are written out here rather than
 * derived from the class name: renaming an event class must not change what the ledger calls it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RecordedAs {

    /** What happened, {@code <module>.<subject>.<verb>}, e.g. {@code identity.user.created}. */
    String type();

    /** The kind of thing that changed, e.g. {@code user}; a {@link RecordedState} of this type snapshots it. */
    String subject();
}
