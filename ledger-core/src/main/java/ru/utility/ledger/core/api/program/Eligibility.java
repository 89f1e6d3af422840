package ru.utility.ledger.core.api.program;

import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;

import java.util.Objects;
import java.util.Set;

/**
 * Who may enrol: holders of any of {@code categories} (empty: any holder) in any of {@code regions}
 * (empty: every region).
 */
public record Eligibility(Set<SocialCategory> categories, Set<RegionCode> regions) {

    public Eligibility {
        categories = Set.copyOf(Objects.requireNonNullElse(categories, Set.of()));
        regions = Set.copyOf(Objects.requireNonNullElse(regions, Set.of()));
    }

    public static Eligibility everyone() {
        return new Eligibility(Set.of(), Set.of());
    }
}
