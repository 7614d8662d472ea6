package org.pallas.server.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.DemoSeed;
import org.pallas.server.platform.KnownCallers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo screening data: asks for the bundled lists to be imported (in the background, see
 * {@link RestrictedLists}) and gives each demo exporter a small party register, one party of which is a
 * realistic variant of a listed spyware vendor, so that the first list import raises an alert.
 */
@Component
class ScreeningDemoSeed implements DemoSeed {

    /** Fixed ids, so tests and the isolation matrix can name them. */
    static final UUID PARTY_A = UUID.fromString("5c0e0000-0000-4000-8000-00000000a001");

    static final UUID PARTY_B = UUID.fromString("5c0e0000-0000-4000-8000-00000000b001");

    private final PartyRegister parties;
    private final JdbcClient jdbc;
    private final KnownCallers callers;
    private final Clock clock;

    ScreeningDemoSeed(PartyRegister parties, JdbcClient jdbc, KnownCallers callers, Clock clock) {
        this.parties = parties;
        this.jdbc = jdbc;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void seed() {
        jdbc.sql("insert into screening_bundled_lists (requested_at) values (:at)")
                .param("at", Timestamp.from(clock.instant()))
                .update();
        Caller a = callers.byUsername("northbridge.lee");
        parties.create(a, PARTY_A, new PartyInput("Intelexa SA", "organisation", null, null, List.of(), "CUST-0042"));
        parties.create(
                a, new PartyInput("Harbour Lights Telecom Ltd", "organisation", "GB", null, List.of(), "CUST-0043"));
        Caller b = callers.byUsername("calder.weber");
        parties.create(b, PARTY_B, new PartyInput("Cytrox Holdings", "organisation", null, null, List.of(), "K-17"));
        parties.create(b, new PartyInput("Maren Vogt", "person", "DE", "1979", List.of(), "K-18"));
    }

    @Override
    public List<String> bannerLines() {
        return List.of(
                "Screening: the bundled restricted-party lists and their import reports are at /screening/lists");
    }
}
