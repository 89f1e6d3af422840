package ru.utility.ledger.core.api.program;

import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;

import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.TreeSet;
import java.util.Set;

/**
 * Who may enrol: holders of any of {@code categories} (empty: any holder) in any of {@code regions}
 * (empty: every region).
 */
public record Eligibility(Set<SocialCategory> categories, Set<RegionCode> regions) {

    // Sorted, so that the stored JSON of an event is the same on every JVM.
    public Eligibility {
        categories = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNullElse(categories, Set.of())));
        TreeSet<RegionCode> sortedRegions = new TreeSet<>(Comparator.comparing(RegionCode::value));
        sortedRegions.addAll(Objects.requireNonNullElse(regions, Set.of()));
        regions = Collections.unmodifiableSortedSet(sortedRegions);
    }

    public static Eligibility everyone() {
        return new Eligibility(Set.of(), Set.of());
    }
}
