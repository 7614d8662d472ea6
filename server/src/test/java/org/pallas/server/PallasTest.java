package org.pallas.server;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The one test context: the whole application on a random port (for real HTTP and browsers) with
 * MockMvc, on the shared embedded PostgreSQL of this test JVM, with the demo data seeded. Use it on
 * every Spring test so that all of them share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// The ledger is sequenced explicitly by tests (Sequencer.sequenceAll), so they rely only on what is signed; so
// entries wait unsequenced for long, and writes are not refused for it (LedgerAvailabilityTests ages an entry).
// The full integrity check runs when a test runs it.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "pallas.ledger.sequence-interval=PT1H",
            "pallas.ledger.unavailable-after=P1D",
            "pallas.ledger.integrity-check-initial-delay=P1D"
        })
@AutoConfigureMockMvc
public @interface PallasTest {}
