package ru.utility.ledger.api.category;

import java.time.LocalDate;
import java.util.List;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.CategoryReceipt;
import ru.utility.ledger.core.api.category.CategoryGrant;

/** Response bodies of the category endpoints ({@link CategoryController}). */
public final class CategoryResponses {

    private CategoryResponses() {
    }

    public record CategoryResponse(AccountId accountId, SocialCategory category, LocalDate validFrom,
                                   LocalDate validTo, String documentReference, LocalDate revokedOn,
                                   String revocationReason) {

        static CategoryResponse of(CategoryReceipt r) {
            return new CategoryResponse(r.accountId(), r.category(), r.validFrom(), r.validTo(), r.documentReference(),
                    r.revokedOn(), r.revocationReason());
        }

        static CategoryResponse of(AccountId id, CategoryGrant g) {
            return new CategoryResponse(id, g.category(), g.validFrom(), g.validTo(), g.documentReference(),
                    g.revokedOn(), g.revocationReason());
        }
    }

    public record CategoriesResponse(AccountId accountId, List<SocialCategory> validToday,
                                     List<CategoryResponse> grants) {
    }
}
