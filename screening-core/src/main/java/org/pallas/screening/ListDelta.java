package org.pallas.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of one list, by entry id and digest. Parties need re-screening
 * only against {@link #toScreen()}: entries that are new, changed, or listed again. Entries in
 * {@link #removed()} (gone from the list or delisted in the new version) close open alerts instead.
 *
 * @param added     entries listed in the new version and absent from (or not listed in) the old one
 * @param changed   entries listed in both whose digest differs
 * @param removed   entries listed in the old version and absent from, or delisted in, the new one
 * @param unchanged the number of entries listed in both with the same digest
 */
public record ListDelta(List<ListEntry> added, List<ListEntry> changed, List<ListEntry> removed, int unchanged) {
    public ListDelta {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** The delta from {@code previous} (null for a first import) to {@code next}. */
    public static ListDelta between(ListVersion previous, ListVersion next) {
        Map<String, ListEntry> before = new HashMap<>();
        if (previous != null) {
            previous.activeEntries().forEach(e -> before.put(e.source() + "\u001f" + e.id(), e));
        }
        List<ListEntry> added = new ArrayList<>();
        List<ListEntry> changed = new ArrayList<>();
        int unchanged = 0;
        for (ListEntry e : next.activeEntries()) {
            ListEntry old = before.remove(e.source() + "\u001f" + e.id());
            if (old == null) {
                added.add(e);
            } else if (!old.digest().equals(e.digest())) {
                changed.add(e);
            } else {
                unchanged++;
            }
        }
        return new ListDelta(added, changed, new ArrayList<>(before.values()), unchanged);
    }

    /** The entries to re-screen parties against. */
    public List<ListEntry> toScreen() {
        List<ListEntry> out = new ArrayList<>(added);
        out.addAll(changed);
        return out;
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
