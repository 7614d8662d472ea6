package org.pallas.server.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener that must not miss an event but must not hold up or undo the change that published it (notices, review
 * flags in another module): it runs once the publishing transaction has committed, on the same thread, in a
 * transaction of its own. The event publication registry records the delivery with the change, so a listener that
 * fails is redelivered by {@link EventRedelivery} instead of being dropped. It may therefore run more than once for
 * an event, and should do its work idempotently where a repeat would matter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TransactionalEventListener
@Transactional(propagation = Propagation.REQUIRES_NEW)
public @interface AfterCommitListener {}
