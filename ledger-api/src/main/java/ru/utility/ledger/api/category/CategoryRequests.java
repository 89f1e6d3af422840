package ru.utility.ledger.api.category;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies of the category endpoints ({@link CategoryController}). */
public final class CategoryRequests {

    private CategoryRequests() {
    }

    public record GrantCategoryRequest(
            @Schema(example = "PENSIONER") String category,
            @Schema(example = "2026-03-01", format = "date",
                    description = "First valid day; today when omitted") String validFrom,
            @Schema(example = "2027-02-28", format = "date",
                    description = "Last valid day; open-ended when omitted") String validTo,
            @Schema(example = "Pension certificate 123-456") String documentReference) {
    }

    public record RevokeCategoryRequest(
            @Schema(example = "2026-09-01", format = "date",
                    description = "First day it no longer applies; today when omitted")
            String revokedOn,
            @Schema(example = "Certificate withdrawn") String reason) {
    }
}
