package ru.utility.ledger.core.category;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.PersonalDataErased;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.api.category.Categories;
import ru.utility.ledger.core.api.category.CategoryGrant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The social categories of an account's holder, every grant in the order recorded, folded from the
 * account's events. Used by the aggregate (to decide) and by readers (to show), like DebtLedger.
 * Mutable in place; fields visible to Jackson for snapshots.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class CategoryBook implements Categories {

    private List<CategoryGrant> grants = new ArrayList<>();

    public static CategoryBook of(List<? extends AccountEvent> events) {
        CategoryBook book = new CategoryBook();
        events.forEach(book::apply);
        return book;
    }

    public CategoryBook apply(AccountEvent event) {
        switch (event) {
            case SocialCategoryGranted e -> grants.add(new CategoryGrant(e.category(), e.validFrom(), e.validTo(),
                    e.documentReference(), null, null));
            case SocialCategoryRevoked e -> {
                for (int i = grants.size() - 1; i >= 0; i--) {
                    CategoryGrant grant = grants.get(i);
                    if (grant.category() == e.category() && !grant.isRevoked()) {
                        grants.set(i, grant.revoke(e.revokedOn(), e.reason()));
                        break;
                    }
                }
            }
            // Which category and its document are personal data (a disability above all). The grants keep their
            // dates, as they shaped money already recorded, but name no category any more, so none applies from
            // now on; a replay reads the same (the sealed category opens as null once the key is gone).
            case PersonalDataErased e -> grants.replaceAll(CategoryGrant::withPersonalDataErased);
            default -> {
                // Other events do not concern categories.
            }
        }
        return this;
    }

    public List<CategoryGrant> grants() {
        return List.copyOf(grants);
    }

    /** The category's latest grant that has not been revoked. */
    public Optional<CategoryGrant> current(SocialCategory category) {
        return grants.reversed().stream().filter(g -> g.category() == category && !g.isRevoked()).findFirst();
    }

    /** The category's latest grant, revoked or not. */
    public Optional<CategoryGrant> latest(SocialCategory category) {
        return grants.reversed().stream().filter(g -> g.category() == category).findFirst();
    }

    public boolean isValidOn(SocialCategory category, LocalDate day) {
        return grants.stream().anyMatch(g -> g.category() == category && g.isValidOn(day));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryBook that && grants.equals(that.grants);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grants);
    }

    @Override
    public String toString() {
        return "CategoryBook" + grants;
    }
}
