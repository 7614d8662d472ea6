package org.pallas.server.misuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Receipts, the per-source rate limit and encryption at rest, on their own. */
class ReporterProtectionTests {

    @Test
    void receiptsCarry160RandomBitsAndAreComparedByHashWhateverTheirSpelling() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String r = Receipts.newReceipt();
            assertThat(r).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){7}");
            assertThat(seen.add(r)).isTrue();
        }
        String r = Receipts.newReceipt();
        assertThat(Receipts.matches(
                        Receipts.hash(r.toLowerCase(java.util.Locale.ROOT).replace("-", " ")), Receipts.hash(r)))
                .isTrue();
        assertThat(Receipts.matches(Receipts.hash(Receipts.newReceipt()), Receipts.hash(r)))
                .isFalse();
        assertThat(Receipts.index(Receipts.hash(r))).hasSize(16);
    }

    @Test
    void aSourceIsLimitedPerHourAndOtherSourcesAreNot() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        SourceRateLimit limit = new SourceRateLimit(3, clock);
        assertThat(limit.allow("203.0.113.9")).isTrue();
        assertThat(limit.allow("203.0.113.9")).isTrue();
        assertThat(limit.allow("203.0.113.9")).isTrue();
        assertThat(limit.allow("203.0.113.9")).isFalse();
        assertThat(limit.allow("203.0.113.10")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(limit.allow("203.0.113.9")).isTrue();
    }

    @Test
    void evidenceIsSealedWithTheReportsKeyAndOpensOnlyForItsOwnRow() {
        MockEnvironment env =
                new MockEnvironment().withProperty("pallas.data-dir", "target/test-data/vault-" + System.nanoTime());
        EvidenceVault vault = new EvidenceVault(env);
        EvidenceVault.ReportKey key = vault.newReportKey("report-1");
        byte[] sealed = vault.seal(key.key(), "secret account".getBytes(), "evidence-1");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("secret");
        assertThat(new String(vault.open(vault.unwrap(key.wrapped(), "report-1"), sealed, "evidence-1")))
                .isEqualTo("secret account");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.open(key.key(), sealed, "evidence-2"))
                .hasMessageContaining("does not decrypt");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.unwrap(key.wrapped(), "report-2"))
                .hasMessageContaining("does not decrypt");
        // The same data dir gives the same instance key after a restart.
        assertThat(new EvidenceVault(env).unwrap(key.wrapped(), "report-1").getEncoded())
                .isEqualTo(key.key().getEncoded());
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
