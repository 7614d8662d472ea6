package org.pallas.classification.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A loaded, validated, immutable version of the control-list reference data. Classifications record
 * {@link #version()} and {@link #sha256()} so that a decision can be traced to the exact data used.
 */
public final class ReferenceData {

    /** The data set shipped with this library. */
    public static final String BUNDLED_RESOURCE = "/org/pallas/classification/control-list.yaml";

    private final String version;
    private final LocalDate published;
    private final String sha256;
    private final Map<Regime, RegimeText> regimes;
    private final Map<String, RuleRef> rules;
    private final Map<String, ControlEntry> entries;
    private final Map<String, ReferenceNote> notes;

    ReferenceData(
            String version,
            LocalDate published,
            String sha256,
            Map<Regime, RegimeText> regimes,
            Map<String, RuleRef> rules,
            Map<String, ControlEntry> entries,
            Map<String, ReferenceNote> notes) {
        this.version = version;
        this.published = published;
        this.sha256 = sha256;
        this.regimes = Map.copyOf(regimes);
        // Unmodifiable views over the loader's ordered maps: iteration follows the file.
        this.rules = java.util.Collections.unmodifiableMap(rules);
        this.entries = java.util.Collections.unmodifiableMap(entries);
        this.notes = java.util.Collections.unmodifiableMap(notes);
    }

    /** Loads the data set bundled in this jar (fresh each call; callers keep the instance). */
    public static ReferenceData bundled() {
        try (InputStream in = ReferenceData.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled reference data missing: " + BUNDLED_RESOURCE);
            }
            return ReferenceDataLoader.load(in.readAllBytes(), BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    public LocalDate published() {
        return published;
    }

    /** SHA-256 (lower-case hex) of the exact bytes loaded. */
    public String sha256() {
        return sha256;
    }

    public RegimeText regime(Regime regime) {
        return regimes.get(regime);
    }

    public Collection<ControlEntry> entries() {
        return entries.values();
    }

    public ControlEntry entry(String code) {
        var entry = entries.get(code);
        if (entry == null) {
            throw new NoSuchElementException("no control-list entry " + code + " in reference data " + version);
        }
        return entry;
    }

    public Collection<ReferenceNote> notes() {
        return notes.values();
    }

    public Optional<ReferenceNote> note(String id) {
        return Optional.ofNullable(notes.get(id));
    }

    public Collection<RuleRef> rules() {
        return rules.values();
    }

    public RuleRef rule(String id) {
        var rule = rules.get(id);
        if (rule == null) {
            throw new NoSuchElementException("rule " + id + " is not declared in reference data " + version);
        }
        return rule;
    }

    public boolean knowsRule(String id) {
        return rules.containsKey(id);
    }

    /** True when any of the rules is tagged [R] or derived. */
    public boolean anyUnverified(List<String> ruleIds) {
        return ruleIds.stream().anyMatch(id -> rule(id).unverified());
    }
}
