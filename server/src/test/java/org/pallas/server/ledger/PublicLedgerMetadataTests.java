package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.ledger.record.LedgerEntry;
import org.pallas.ledger.record.LedgerRecord;
import org.pallas.server.PallasTest;
import org.pallas.server.identity.IdentityChanged;
import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public ledger says only what the reviewed list ({@code ledger/public-metadata.txt}) allows (issue 13): every
 * event type the application records is on the list, no public entry carries a key the list does not allow for
 * its type, a key offered but not listed is withheld into the confidential record, and no public entry holds a
 * user or organisation id, a person's or organisation's name, or a restricted-list entry.
 */
@PallasTest
class PublicLedgerMetadataTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerStore store;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    private final PublicMetadataList list = PublicMetadataList.shipped();

    @Test
    void everyRecordedEventTypeIsOnTheReviewedList() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RecordedAs.class));
        Set<String> types = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.pallas.server")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            // the application's types only, not the test sources' own (test.thing.done, benchmark.append)
            if (!type.getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toString()
                    .contains("test-classes")) {
                types.add(type.getAnnotation(RecordedAs.class).type());
            }
        }
        assertThat(types).hasSizeGreaterThan(50);
        assertThat(types.stream().filter(t -> !list.names(t)).toList())
                .as("recorded types missing from " + PublicMetadataList.RESOURCE + " (review what they may publish)")
                .isEmpty();
    }

    @Test
    void noPublicEntryCarriesAKeyTheListDoesNotAllowForItsType() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (byte[] bytes :
                jdbc.sql("select entry from ledger_entry").query(byte[].class).list()) {
            LedgerEntry entry = LedgerEntry.decode(bytes);
            for (String key : entry.metadata().keySet()) {
                if (!list.allowed(entry.type()).contains(key)) {
                    wrong.add(entry.type() + ": " + key);
                }
            }
        }
        assertThat(jdbc.sql("select count(*) from ledger_entry")
                        .query(Long.class)
                        .single())
                .isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aKeyOfferedAsPublicButNotOnTheListIsWithheldIntoTheConfidentialRecord() throws Exception {
        String userId = jdbc.sql("select id::text from app_user where username = 'calder.fischer'")
                .query(String.class)
                .single();
        String secret = "Unreviewed Person " + UUID.randomUUID();
        tx.executeWithoutResult(status -> events.publishEvent(new IdentityChanged.UserEnabled(new RecordedChange.Facts(
                userId, null, java.time.Instant.now(), Map.of("displayName", secret), Map.of()))));
        LedgerStore.StoredEntry stored = store.forSubject("user", userId)
                .get(store.forSubject("user", userId).size() - 1);
        assertThat(new String(stored.entry(), StandardCharsets.UTF_8)).doesNotContain(secret);
        assertThat(LedgerEntry.decode(stored.entry()).metadata()).doesNotContainKey("displayName");
        String payload = new String(
                LedgerRecord.decode(store.record(stored.seq()).orElseThrow()).payload(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"withheld\":{\"displayName\":\"" + secret + "\"}");
    }

    @Test
    void noPublicEntryHoldsAnIdentifierANameOrARestrictedListEntry() {
        Set<String> secrets = new TreeSet<>();
        secrets.addAll(strings("select id::text from app_user union all select id::text from organisation"));
        secrets.addAll(strings("select name from organisation"));
        secrets.addAll(strings("select display_name from app_user"));
        secrets.addAll(strings("select username from app_user"));
        secrets.addAll(strings("select email from app_user where email is not null"));
        secrets.addAll(strings("select name from screening_party"));
        secrets.addAll(strings("select entry_id from screening_alert"));
        secrets.addAll(strings("select listed_name from screening_alert"));
        secrets.removeIf(s -> s == null || s.length() < 6); // too short to be told apart from other text
        assertThat(secrets).hasSizeGreaterThan(50);
        List<String> entries = jdbc.sql("select convert_from(entry, 'UTF8') from ledger_entry")
                .query(String.class)
                .list();
        List<String> found = new ArrayList<>();
        for (String entry : entries) {
            for (String secret : secrets) {
                if (entry.contains(secret)) {
                    found.add(secret);
                }
            }
        }
        assertThat(found)
                .as("identifiers, names and listed entries in public entries")
                .isEmpty();
    }

    private List<String> strings(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }
}
