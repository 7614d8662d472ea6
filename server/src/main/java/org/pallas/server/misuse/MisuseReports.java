package org.pallas.server.misuse;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.pallas.policy.MisuseCase;
import org.pallas.policy.MisuseEvidence;
import org.pallas.policy.MisuseMatch;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ScreeningMatch;
import org.pallas.screening.ScreeningQuery;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.identity.Organisations;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.InvalidInputException.FieldProblem;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedChange.Facts;
import org.pallas.server.platform.RecordedTable;
import org.pallas.server.platform.Role;
import org.pallas.server.screening.RestrictedPartyScreening;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The misuse-report domain service: every read and change of a report goes through here, is authorised here and is
 * published as one {@link MisuseChanged} in its transaction (the ledger records it). Intake is open to anyone; an
 * anonymous report keeps nothing of its sender (no address, user agent or account: the caller is not even passed
 * in unless a civil-society organisation files under its name). The receipt is the reporter's only key.
 *
 * <p>Who sees what: the licensing authority's caseworkers and senior officers triage every report, oversight reads
 * every report (each read logged), a civil-society organisation reads the reports it filed under its name; anyone
 * else, and every other organisation, gets "not found" for a report.
 */
@Service
public class MisuseReports {

    static final String SUBJECT = "misuse-report";
    static final int MAX_TEXT = 200;
    static final int MAX_ACCOUNT = 10_000;
    static final int MAX_MESSAGE = 4_000;
    static final int MAX_EVIDENCE = 10;
    static final int MAX_LINKS = 50;

    /** What a reporter states. Every field but the account and how it was found is optional. */
    public record ReportInput(
            String vendor,
            String product,
            String operator,
            String country,
            LocalDate seenFrom,
            LocalDate seenUntil,
            List<TargetKind> targetKinds,
            Discovery discovery,
            String account,
            Boolean fileUnderOrganisationName) {}

    /** One piece of evidence as received: its form field (for messages) and bytes, or a JSON document. */
    public record Upload(String field, byte[] content, JsonNode document) {
        public static Upload file(String field, byte[] content) {
            return new Upload(field, content, null);
        }

        public static Upload json(String field, JsonNode document) {
            return new Upload(field, null, document);
        }
    }

    /** The answer to a new report: shown once, the receipt is never stored or shown again. */
    public record Receipt(
            UUID id, String reference, String receipt, ReportStatus status, List<String> evidenceSha256) {}

    public record Message(String from, String text, Instant sentAt) {}

    /** What the reporter sees: status and messages, and whether action was taken (never which). */
    public record FollowUp(
            String reference, ReportStatus status, LocalDate receivedOn, boolean actionTaken, List<Message> messages) {}

    public record EndUserLink(String name, String country) {}

    /** A triage: the links, the ratings and the outcome with its reasons. */
    public record AssessmentInput(
            EvidenceRating evidenceRating,
            SourceReliability sourceReliability,
            TriageOutcome outcome,
            String reasons,
            List<String> vendors,
            List<String> products,
            List<EndUserLink> endUsers,
            List<String> licences,
            List<String> cases) {}

    public record Evidence(int position, EvidenceKind kind, long sizeBytes, String sha256, int indicators) {}

    /** A line of the triage queue. */
    public record Summary(
            UUID id,
            String reference,
            ReportStatus status,
            LocalDate receivedOn,
            boolean anonymous,
            String vendor,
            String product,
            String country,
            EvidenceRating evidenceRating) {}

    /** The whole report as the authority (or its filing organisation) reads it. */
    public record Report(
            UUID id,
            String reference,
            ReportStatus status,
            LocalDate receivedOn,
            boolean anonymous,
            String vendor,
            String product,
            String operator,
            String country,
            LocalDate seenFrom,
            LocalDate seenUntil,
            List<TargetKind> targetKinds,
            Discovery discovery,
            String account,
            List<Evidence> evidence,
            List<String> indicatorMatches,
            List<String> knownAs,
            EvidenceRating evidenceRating,
            SourceReliability sourceReliability,
            TriageOutcome outcome,
            String outcomeReasons,
            boolean actionTaken,
            List<Link> links,
            List<Message> messages) {}

    public record Link(String kind, String label, String country) {}

    public record Statistics(long received, long triaged, long confirmed) {}

    private final ReportStore store;
    private final EvidenceVault vault;
    private final IndicatorCatalogue catalogue;
    private final VendorCatalogue vendors;
    private final Organisations organisations;
    private final ProductRegister products;
    private final RestrictedPartyScreening lists;
    private final MisuseEvidence curated;
    private final LinkedRecords linked;
    private final ApplicationEventPublisher events;
    private final ReadLog readLog;
    private final JsonMapper json;
    private final Clock clock;
    private final long maxEvidenceBytes;

    MisuseReports(
            ReportStore store,
            EvidenceVault vault,
            IndicatorCatalogue catalogue,
            VendorCatalogue vendors,
            Organisations organisations,
            ProductRegister products,
            RestrictedPartyScreening lists,
            MisuseEvidence curated,
            LinkedRecords linked,
            ApplicationEventPublisher events,
            ReadLog readLog,
            JsonMapper json,
            Clock clock,
            @Value("${pallas.misuse.max-evidence-bytes:10485760}") long maxEvidenceBytes) {
        this.store = store;
        this.vault = vault;
        this.catalogue = catalogue;
        this.vendors = vendors;
        this.organisations = organisations;
        this.products = products;
        this.lists = lists;
        this.curated = curated;
        this.linked = linked;
        this.events = events;
        this.readLog = readLog;
        this.json = json;
        this.clock = clock;
        this.maxEvidenceBytes = maxEvidenceBytes;
    }

    // ---- intake ------------------------------------------------------------------------------------------------

    /**
     * Files a report. {@code caller} is empty for an anonymous report, and is used only when a civil-society
     * organisation asks to file under its name; a signed-in user of any other kind files anonymously.
     */
    @Transactional
    public Receipt file(Optional<Caller> caller, ReportInput input, List<Upload> uploads) {
        return file(UUID.randomUUID(), caller, input, uploads);
    }

    @Transactional
    Receipt file(UUID id, Optional<Caller> caller, ReportInput input, List<Upload> uploads) {
        List<FieldProblem> problems = new ArrayList<>();
        UUID organisation = filingOrganisation(caller, input, problems);
        validate(input, problems);
        if (uploads.size() > MAX_EVIDENCE) {
            problems.add(new FieldProblem("evidence", "At most " + MAX_EVIDENCE + " pieces of evidence per report"));
        }
        long total = 0;
        for (Upload u : uploads) {
            total += u.content() == null ? 0 : u.content().length;
        }
        if (total > maxEvidenceBytes) {
            throw new MaxUploadSizeExceededException(maxEvidenceBytes);
        }
        List<Parsed> parsed = new ArrayList<>();
        for (Upload u : uploads) {
            parse(u, problems).ifPresent(parsed::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String reference = store.nextReference(today.getYear());
        String receipt = Receipts.newReceipt();
        EvidenceVault.ReportKey key = vault.newReportKey(id.toString());
        ReportStore.Row row = new ReportStore.Row(
                id,
                reference,
                organisation,
                text(input.vendor()),
                text(input.product()),
                text(input.operator()),
                country(input.country()),
                input.seenFrom(),
                input.seenUntil(),
                input.targetKinds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(input.targetKinds())),
                input.discovery(),
                vault.seal(key.key(), input.account().strip().getBytes(StandardCharsets.UTF_8), id + ":account"),
                key.wrapped(),
                ReportStatus.RECEIVED,
                null,
                null,
                null,
                null,
                false,
                today,
                null);
        store.insert(row, Receipts.hash(receipt), now);
        List<String> hashes = new ArrayList<>();
        Set<Indicator> indicators = new LinkedHashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            UUID evidenceId = UUID.randomUUID();
            String sha = RecordedTable.digest(p.content()).substring("sha256:".length());
            store.insertEvidence(
                    id,
                    new ReportStore.EvidenceRow(
                            evidenceId,
                            i,
                            p.kind(),
                            p.kind().mediaType(),
                            p.content().length,
                            sha,
                            p.indicators().size()),
                    vault.seal(key.key(), p.content(), evidenceId.toString()));
            hashes.add(sha);
            indicators.addAll(p.indicators());
        }
        store.insertIndicators(id, List.copyOf(indicators));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("report", reference);
        metadata.put("filedAs", organisation == null ? "ANONYMOUS" : "ORGANISATION");
        metadata.put("evidence", parsed.stream().map(p -> p.kind().name()).toList());
        metadata.put("evidenceSha256", hashes);
        // No actor, even for a filing organisation's user: the ledger never says who reported.
        events.publishEvent(new MisuseChanged.ReportReceived(new Facts(id.toString(), null, now, metadata, Map.of())));
        return new Receipt(id, reference, receipt, ReportStatus.RECEIVED, hashes);
    }

    private UUID filingOrganisation(Optional<Caller> caller, ReportInput input, List<FieldProblem> problems) {
        if (!Boolean.TRUE.equals(input.fileUnderOrganisationName())) {
            return null;
        }
        if (caller.isEmpty() || !caller.get().isCivilSociety()) {
            problems.add(new FieldProblem(
                    "fileUnderOrganisationName",
                    "Only a signed-in civil-society organisation files under its name; leave it out to report"
                            + " anonymously"));
            return null;
        }
        return caller.get().organisationId();
    }

    private void validate(ReportInput in, List<FieldProblem> problems) {
        bounded(in.vendor(), "vendor", problems);
        bounded(in.product(), "product", problems);
        bounded(in.operator(), "operator", problems);
        if (in.country() != null && !in.country().isBlank() && country(in.country()) == null) {
            problems.add(new FieldProblem("country", "Give the country as an ISO 3166-1 code, e.g. MX"));
        }
        if (in.account() == null || in.account().isBlank()) {
            problems.add(new FieldProblem("account", "Say what happened: who was targeted, how, and what you found"));
        } else if (in.account().length() > MAX_ACCOUNT) {
            problems.add(new FieldProblem("account", "At most " + MAX_ACCOUNT + " characters"));
        }
        if (in.discovery() == null) {
            problems.add(new FieldProblem("discovery", "Say how the infection or targeting was found"));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        if (in.seenFrom() != null && in.seenFrom().isAfter(today)) {
            problems.add(new FieldProblem("seenFrom", "The date is in the future"));
        }
        if (in.seenUntil() != null && in.seenUntil().isAfter(today)) {
            problems.add(new FieldProblem("seenUntil", "The date is in the future"));
        }
        if (in.seenFrom() != null && in.seenUntil() != null && in.seenUntil().isBefore(in.seenFrom())) {
            problems.add(new FieldProblem("seenUntil", "The end of the period is before its start"));
        }
    }

    private static void bounded(String value, String field, List<FieldProblem> problems) {
        if (value != null && value.strip().length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "At most " + MAX_TEXT + " characters"));
        }
    }

    private record Parsed(EvidenceKind kind, byte[] content, List<Indicator> indicators) {}

    /** A STIX bundle (JSON, checked in full) or a PDF, PNG or JPEG document (checked by its first bytes). */
    private Optional<Parsed> parse(Upload u, List<FieldProblem> problems) {
        JsonNode document = u.document();
        byte[] content = u.content();
        if (document == null) {
            if (content == null || content.length == 0) {
                problems.add(new FieldProblem(u.field(), "The file is empty"));
                return Optional.empty();
            }
            Optional<EvidenceKind> kind = EvidenceKind.document(content);
            if (kind.isPresent()) {
                return Optional.of(new Parsed(kind.get(), content, List.of()));
            }
            try {
                document = json.readTree(content);
            } catch (RuntimeException e) {
                document = null;
            }
            if (!StixBundles.claims(document)) {
                problems.add(new FieldProblem(
                        u.field(), "Send a STIX 2.1 bundle (such as an MVT indicator file), a PDF, PNG or JPEG"));
                return Optional.empty();
            }
        } else {
            content = json.writeValueAsBytes(document);
        }
        StixBundles.Reading reading = StixBundles.read(document, u.field());
        if (reading.bundle() == null) {
            problems.addAll(reading.problems());
            return Optional.empty();
        }
        return Optional.of(
                new Parsed(EvidenceKind.STIX_BUNDLE, content, reading.bundle().indicators()));
    }

    // ---- follow-up with the receipt ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public FollowUp followUp(String receipt) {
        return followUp(byReceipt(receipt));
    }

    /** The reporter writes to the authority. */
    @Transactional
    public FollowUp reply(String receipt, String text) {
        ReportStore.Row row = byReceipt(receipt);
        message(row, "REPORTER", text, null);
        return followUp(row);
    }

    private FollowUp followUp(ReportStore.Row row) {
        return new FollowUp(row.reference(), row.status(), row.receivedOn(), row.actionTaken(), messages(row.id()));
    }

    private static final byte[] NO_SUCH_RECEIPT = Receipts.hash("no such receipt");

    /** Found by the first bytes of the hash, then compared in full in constant time; a miss compares a dummy. */
    private ReportStore.Row byReceipt(String receipt) {
        if (receipt == null || receipt.isBlank() || receipt.length() > Receipts.MAX_LENGTH) {
            throw new InvalidInputException("receipt", "Enter the receipt you were given when you reported");
        }
        byte[] hash = Receipts.hash(receipt);
        Optional<Map.Entry<UUID, byte[]>> found = store.byReceiptIndex(Receipts.index(hash));
        boolean match = Receipts.matches(hash, found.map(Map.Entry::getValue).orElse(NO_SUCH_RECEIPT));
        if (found.isEmpty() || !match) {
            throw new NotFoundException("Report", "for this receipt");
        }
        return store.find(found.get().getKey(), null, false).orElseThrow();
    }

    // ---- triage ------------------------------------------------------------------------------------------------

    /** The authority's staff and oversight read every report. */
    static boolean readsAll(Caller caller) {
        return (caller.isAuthority() && caller.hasAnyRole(Role.CASEWORKER, Role.SENIOR_OFFICER))
                || (!caller.isExporter() && caller.hasRole(Role.OVERSIGHT));
    }

    static boolean triages(Caller caller) {
        return caller.isAuthority() && caller.hasAnyRole(Role.CASEWORKER, Role.SENIOR_OFFICER);
    }

    @Transactional(readOnly = true)
    public List<Summary> list(Caller caller, ReportStatus status) {
        UUID scope;
        if (readsAll(caller)) {
            scope = null;
        } else if (caller.isCivilSociety()) {
            scope = caller.organisationId();
        } else {
            throw new AccessDeniedException(
                    "Only the licensing authority, oversight and filing organisations read" + " misuse reports.");
        }
        return store.list(scope, status).stream()
                .map(r -> new Summary(
                        r.id(),
                        r.reference(),
                        r.status(),
                        r.receivedOn(),
                        r.organisationId() == null,
                        r.vendor(),
                        r.product(),
                        r.country(),
                        r.rating()))
                .toList();
    }

    /** One report; another organisation's, or any for a caller who reads none, is "not found". */
    @Transactional // not read-only: oversight reads are logged
    public Report read(Caller caller, UUID id) {
        ReportStore.Row row = visible(caller, id, false);
        readLog.record(caller, SUBJECT, id);
        return report(row, caller);
    }

    /** An evidence file's content, decrypted, for a caller who may read the report. */
    @Transactional
    public Map.Entry<Evidence, byte[]> evidence(Caller caller, UUID id, int position) {
        ReportStore.Row row = visible(caller, id, false);
        var found = store.evidenceContent(id, position).orElseThrow(() -> new NotFoundException("Evidence", position));
        readLog.record(caller, SUBJECT, id);
        ReportStore.EvidenceRow e = found.getKey();
        SecretKey key = vault.unwrap(row.wrappedKey(), id.toString());
        return Map.entry(
                new Evidence(e.position(), e.kind(), e.size(), e.sha256(), e.indicators()),
                vault.open(key, found.getValue(), e.id().toString()));
    }

    private ReportStore.Row visible(Caller caller, UUID id, boolean forUpdate) {
        UUID scope;
        if (readsAll(caller)) {
            scope = null;
        } else if (caller.isCivilSociety()) {
            scope = caller.organisationId();
        } else {
            throw new NotFoundException("Misuse report", id);
        }
        return store.find(id, scope, forUpdate).orElseThrow(() -> new NotFoundException("Misuse report", id));
    }

    /**
     * The authority's assessment: links, ratings and outcome with reasons. Confirmed evidence is final (its
     * consequences, the licence and case reviews, have been set off) and publishes {@link
     * MisuseChanged.EvidenceConfirmed}; any other rating publishes {@link MisuseChanged.ReportTriaged}.
     */
    @Transactional
    public Report assess(Caller caller, UUID id, AssessmentInput in) {
        ReportStore.Row row = visible(caller, id, true);
        if (!triages(caller)) {
            throw new AccessDeniedException(
                    "Only the licensing authority's caseworkers and senior officers triage" + " misuse reports.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (row.status() == ReportStatus.CONFIRMED) {
            problems.add(new FieldProblem(
                    "evidenceRating",
                    "The evidence is confirmed and its consequences are under way; write a message" + " instead"));
        }
        if (in.evidenceRating() == null) {
            problems.add(new FieldProblem("evidenceRating", "Rate the evidence"));
        }
        if (in.sourceReliability() == null) {
            problems.add(new FieldProblem("sourceReliability", "Rate the source's reliability"));
        }
        if (in.outcome() == null) {
            problems.add(new FieldProblem("outcome", "Choose the outcome"));
        }
        if (in.reasons() == null || in.reasons().isBlank()) {
            problems.add(new FieldProblem("reasons", "Give the reasons for the assessment"));
        } else if (in.reasons().length() > MAX_MESSAGE) {
            problems.add(new FieldProblem("reasons", "At most " + MAX_MESSAGE + " characters"));
        }
        List<ReportStore.LinkRow> links = links(in, problems);
        if (in.evidenceRating() == EvidenceRating.CONFIRMED
                && links.stream().noneMatch(l -> !l.kind().equals("VENDOR"))) {
            problems.add(new FieldProblem(
                    "endUsers", "Confirmed evidence must be linked to an end user, product, licence or case"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        ReportStatus status =
                in.evidenceRating() == EvidenceRating.CONFIRMED ? ReportStatus.CONFIRMED : ReportStatus.TRIAGED;
        store.assess(
                id,
                status,
                in.evidenceRating(),
                in.sourceReliability(),
                in.outcome(),
                in.reasons().strip(),
                caller.userId(),
                now);
        store.replaceLinks(id, links, MisuseReports::key);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("report", row.reference());
        metadata.put("from", row.status().name());
        metadata.put("to", status.name());
        metadata.put("evidenceRating", in.evidenceRating().name());
        metadata.put("sourceReliability", in.sourceReliability().name());
        metadata.put("outcome", in.outcome().name());
        Map<String, Object> confidential = new LinkedHashMap<>();
        confidential.put("reasons", in.reasons().strip());
        confidential.put(
                "endUsers",
                links.stream()
                        .filter(l -> l.kind().equals("END_USER"))
                        .map(l -> Map.of("name", l.label(), "country", l.country() == null ? "" : l.country()))
                        .toList());
        for (String kind : List.of("VENDOR", "PRODUCT", "LICENCE", "CASE")) {
            confidential.put(
                    switch (kind) {
                        case "VENDOR" -> "vendors";
                        case "PRODUCT" -> "products";
                        case "LICENCE" -> "licences";
                        default -> "cases";
                    },
                    links.stream()
                            .filter(l -> l.kind().equals(kind))
                            .map(ReportStore.LinkRow::label)
                            .toList());
        }
        Facts facts = new Facts(id.toString(), caller.userId(), now, metadata, confidential);
        events.publishEvent(
                status == ReportStatus.CONFIRMED
                        ? new MisuseChanged.EvidenceConfirmed(facts)
                        : new MisuseChanged.ReportTriaged(facts));
        return report(store.find(id, null, false).orElseThrow(), caller);
    }

    private List<ReportStore.LinkRow> links(AssessmentInput in, List<FieldProblem> problems) {
        List<ReportStore.LinkRow> links = new ArrayList<>();
        names(in.vendors(), "vendors", problems).forEach(v -> links.add(new ReportStore.LinkRow("VENDOR", v, null)));
        names(in.products(), "products", problems).forEach(p -> links.add(new ReportStore.LinkRow("PRODUCT", p, null)));
        List<EndUserLink> endUsers = in.endUsers() == null ? List.of() : in.endUsers();
        if (endUsers.size() > MAX_LINKS) {
            problems.add(new FieldProblem("endUsers", "At most " + MAX_LINKS + " end users"));
        }
        for (int i = 0; i < endUsers.size() && i < MAX_LINKS; i++) {
            EndUserLink e = endUsers.get(i);
            if (e == null || e.name() == null || e.name().isBlank() || e.name().length() > 500) {
                problems.add(new FieldProblem("endUsers[" + i + "].name", "Name the end user (1 to 500 characters)"));
                continue;
            }
            String country = country(e.country());
            if (country == null) {
                problems.add(new FieldProblem(
                        "endUsers[" + i + "].country", "Give the end user's country as an ISO 3166-1 code"));
                continue;
            }
            links.add(new ReportStore.LinkRow("END_USER", e.name().strip(), country));
        }
        List<String> licences = names(in.licences(), "licences", problems);
        for (int i = 0; i < licences.size(); i++) {
            if (!linked.licenceExists(licences.get(i))) {
                problems.add(new FieldProblem("licences[" + i + "]", "No licence " + licences.get(i)));
            } else {
                links.add(new ReportStore.LinkRow("LICENCE", licences.get(i), null));
            }
        }
        List<String> cases = names(in.cases(), "cases", problems);
        for (int i = 0; i < cases.size(); i++) {
            if (!linked.caseExists(cases.get(i))) {
                problems.add(new FieldProblem("cases[" + i + "]", "No case " + cases.get(i)));
            } else {
                links.add(new ReportStore.LinkRow("CASE", cases.get(i), null));
            }
        }
        return links;
    }

    private static List<String> names(List<String> values, String field, List<FieldProblem> problems) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LINKS) {
            problems.add(new FieldProblem(field, "At most " + MAX_LINKS + " entries"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank() || v.length() > 500) {
                problems.add(new FieldProblem(field + "[" + i + "]", "1 to 500 characters"));
            } else if (!out.contains(v.strip())) {
                out.add(v.strip());
            }
        }
        return out;
    }

    /** A message from the authority, or from the filing organisation on its own report. */
    @Transactional
    public Report message(Caller caller, UUID id, String text) {
        ReportStore.Row row = visible(caller, id, true);
        String author;
        if (triages(caller)) {
            author = "AUTHORITY";
        } else if (caller.isCivilSociety()) {
            author = "REPORTER";
        } else {
            throw new AccessDeniedException("Oversight reads misuse reports and does not write to reporters.");
        }
        message(row, author, text, triages(caller) ? caller.userId() : null);
        return report(store.find(id, null, false).orElseThrow(), caller);
    }

    private void message(ReportStore.Row row, String author, String text, UUID actor) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "Write the message");
        }
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidInputException("text", "At most " + MAX_MESSAGE + " characters");
        }
        Instant now = clock.instant();
        store.addMessage(row.id(), author, text.strip(), now);
        events.publishEvent(new MisuseChanged.MessageSent(new Facts(
                row.id().toString(), actor, now, Map.of("report", row.reference(), "from", author), Map.of())));
    }

    // ---- consequences ------------------------------------------------------------------------------------------

    /**
     * Licensing acted on a confirmed report (reviews flagged, case officers told). The reporter's follow-up then says
     * that action was taken, and nothing about which licences or cases.
     */
    @Transactional
    public void recordActionTaken(String reference, int licencesFlagged, int casesNoted) {
        ReportStore.Row row =
                store.byReference(reference).orElseThrow(() -> new NotFoundException("Misuse report", reference));
        if (row.actionTaken() || licencesFlagged + casesNoted == 0) {
            return;
        }
        Instant now = clock.instant();
        store.markActionTaken(row.id(), now);
        events.publishEvent(new MisuseChanged.ActionTaken(new Facts(
                row.id().toString(),
                null,
                now,
                Map.of("report", reference),
                Map.of("licencesFlagged", licencesFlagged, "casesNoted", casesNoted))));
    }

    /**
     * Confirmed reports as misuse evidence for the policy engine: a match for each party whose name (and country)
     * a confirmed report links as an end user, and for the product or vendor it links, citing the report's
     * reference. Confidence is HIGH: the authority confirmed the evidence itself.
     */
    @Transactional(readOnly = true)
    public List<MisuseMatch> confirmedEvidence(List<org.pallas.policy.Party> parties, String product, String vendor) {
        Map<String, List<org.pallas.policy.Party>> byKey = new LinkedHashMap<>();
        for (org.pallas.policy.Party p : parties) {
            if (p.role() == org.pallas.policy.Party.PartyRole.END_USER
                    || p.role() == org.pallas.policy.Party.PartyRole.ULTIMATE_END_USER) {
                byKey.computeIfAbsent(key(p.name()), k -> new ArrayList<>()).add(p);
            }
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        String productKey = product == null ? null : key(product);
        String vendorKey = vendor == null ? null : key(vendor);
        if (productKey != null) {
            keys.add(productKey);
        }
        if (vendorKey != null) {
            keys.add(vendorKey);
        }
        List<MisuseMatch> matches = new ArrayList<>();
        for (Map.Entry<String, ReportStore.LinkRow> hit : store.confirmedLinks(keys)) {
            ReportStore.LinkRow link = hit.getValue();
            String source = "Misuse report " + hit.getKey() + " (confirmed by the licensing authority)";
            switch (link.kind()) {
                case "END_USER" ->
                    byKey.getOrDefault(link.label(), List.of()).stream()
                            .filter(p ->
                                    link.country().isEmpty() || link.country().equals(p.country()))
                            .forEach(p -> matches.add(new MisuseMatch(
                                    hit.getKey(),
                                    p.name(),
                                    EnumSet.of(MisuseMatch.Basis.END_USER),
                                    MisuseMatch.Confidence.HIGH,
                                    source)));
                case "PRODUCT" -> {
                    if (link.label().equals(productKey)) {
                        matches.add(new MisuseMatch(
                                hit.getKey(),
                                null,
                                EnumSet.of(MisuseMatch.Basis.PRODUCT_FAMILY),
                                MisuseMatch.Confidence.HIGH,
                                source));
                    }
                }
                default -> {
                    if (link.label().equals(vendorKey)) {
                        matches.add(new MisuseMatch(
                                hit.getKey(),
                                null,
                                EnumSet.of(MisuseMatch.Basis.VENDOR),
                                MisuseMatch.Confidence.HIGH,
                                source));
                    }
                }
            }
        }
        return matches;
    }

    /** Counts for the public statistics: received, triaged (assessed at all) and confirmed. */
    @Transactional(readOnly = true)
    public Statistics statistics() {
        Map<String, Long> counts = store.counts();
        return new Statistics(counts.get("received"), counts.get("triaged"), counts.get("confirmed"));
    }

    // ---- views -------------------------------------------------------------------------------------------------

    private Report report(ReportStore.Row r, Caller caller) {
        SecretKey key = vault.unwrap(r.wrappedKey(), r.id().toString());
        String account = new String(vault.open(key, r.account(), r.id() + ":account"), StandardCharsets.UTF_8);
        List<Evidence> evidence = store.evidence(r.id()).stream()
                .map(e -> new Evidence(e.position(), e.kind(), e.size(), e.sha256(), e.indicators()))
                .toList();
        List<Indicator> indicators = store.indicators(r.id());
        List<String> matches = new ArrayList<>();
        catalogue
                .matches(indicators)
                .forEach((source, n) ->
                        matches.add(n + (n == 1 ? " indicator matches " : " indicators match ") + source.label()));
        List<Map.Entry<String, Integer>> sharing = store.sharingIndicators(r.id());
        if (!sharing.isEmpty()) {
            matches.add("Indicators seen in " + sharing.size()
                    + (sharing.size() == 1 ? " other report: " : " other" + " reports: ")
                    + String.join(
                            ", ",
                            sharing.stream()
                                    .map(s -> s.getKey() + " (" + s.getValue() + ")")
                                    .toList()));
        }
        return new Report(
                r.id(),
                r.reference(),
                r.status(),
                r.receivedOn(),
                r.organisationId() == null,
                r.vendor(),
                r.product(),
                r.operator(),
                r.country(),
                r.seenFrom(),
                r.seenUntil(),
                r.targetKinds(),
                r.discovery(),
                account,
                evidence,
                matches,
                knownAs(r, caller),
                r.rating(),
                r.reliability(),
                r.outcome(),
                r.outcomeReasons(),
                r.actionTaken(),
                store.links(r.id()).stream()
                        .map(l -> new Link(l.kind(), l.label(), l.country().isEmpty() ? null : l.country()))
                        .toList(),
                messages(r.id()));
    }

    /**
     * The stated vendor and product matched against the curated misuse records, the catalogue's malware, the
     * surveillance-vendor catalogue and, for the authority, the registered exporters and products; the vendor and the
     * suspected operator against the restricted lists.
     */
    private List<String> knownAs(ReportStore.Row r, Caller caller) {
        List<String> known = new ArrayList<>();
        for (String stated : new String[] {r.vendor(), r.product()}) {
            if (stated == null) {
                continue;
            }
            String k = compact(stated);
            List<String> cases = curated.cases().stream()
                    .filter(c -> compact(c.vendor()).equals(k)
                            || c.families().stream().anyMatch(f -> compact(f).equals(k)))
                    .map(MisuseCase::id)
                    .toList();
            if (!cases.isEmpty()) {
                known.add("'" + stated + "' is named in the documented misuse records " + String.join(", ", cases));
            }
            catalogue.sources().stream()
                    .filter(s -> compact(s.name()).contains(k) && k.length() >= 4)
                    .forEach(s -> known.add("'" + stated + "' has published indicators: " + s.label()));
            vendors.matching(stated)
                    .forEach(v -> known.add("'" + stated + "' is the surveillance-vendor catalogue's " + v.name()
                            + (v.products().isEmpty() ? "" : " (products: " + String.join(", ", v.products()) + ")")));
            if (caller.readsAcrossOrganisations() && k.length() >= 4) {
                // The authority's own registers, for the authority only: a reporter never learns who is registered.
                organisations.search(caller, stated.strip()).stream()
                        .filter(o -> o.kind() == OrganisationKind.EXPORTER)
                        .forEach(o -> known.add("'" + stated + "' is the registered exporter " + o.name()));
                products.named(caller, stated.strip())
                        .forEach(p -> known.add("'" + stated + "' is the registered product " + p.name() + " of "
                                + organisations.find(caller, p.organisationId()).name()));
            }
        }
        if (caller.readsAcrossOrganisations()) {
            // The stated vendor and operator against the restricted lists in use: a listed spyware vendor or a
            // sanctioned agency is what triage must see first (the lists are public; the match is the authority's).
            for (String stated : new String[] {r.vendor(), r.operator()}) {
                if (stated != null && !stated.isBlank()) {
                    lists.search(ScreeningQuery.of(stated.strip(), EntryKind.ANY)).matches().stream()
                            .filter(ScreeningMatch::alert)
                            .limit(3)
                            .forEach(m -> known.add(String.format(
                                    Locale.ROOT,
                                    "'%s' matches the restricted-list entry %s (%s %s, score %.2f)",
                                    stated,
                                    m.listedName(),
                                    m.source(),
                                    m.entryId(),
                                    m.score())));
                }
            }
        }
        return known;
    }

    private List<Message> messages(UUID id) {
        return store.messages(id).stream()
                .map(m -> new Message(m.author(), m.body(), m.sentAt()))
                .toList();
    }

    // ---- normalising -------------------------------------------------------------------------------------------

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An ISO 3166-1 alpha-2 code in upper case, or null when there is none or it is unknown. */
    static String country(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        return Set.of(Locale.getISOCountries()).contains(code) ? code : null;
    }

    /** Case-, accent- and spacing-insensitive key of a name (the same end user across reports and licences). */
    static String key(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static String compact(String name) {
        return key(name).replace(" ", "");
    }
}
