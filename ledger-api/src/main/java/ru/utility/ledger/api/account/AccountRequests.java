package ru.utility.ledger.api.account;

import io.swagger.v3.oas.annotations.media.Schema;

/** Request bodies. Values arrive as strings and are converted by the value types, field by field. */
public final class AccountRequests {

    private AccountRequests() {
    }

    public record OpenAccountRequest(
            @Schema(example = "77-0001-2345", description = "Personal account number: 4-32 of A-Z, 0-9, '-'")
            String accountId,
            @Schema(example = "Ivanova Maria Petrovna") String holderName,
            @Schema(example = "77", description = "Two-digit region code") String regionCode,
            @Schema(example = "2026-01-15", format = "date",
                    description = "Business date; today when omitted") String openedOn) {
    }

    public record PostChargeRequest(
            @Schema(example = "ENERGY-2026-10", description = "Defaults to ENERGY-<billingPeriod>") String chargeId,
            @Schema(example = "2026-10") String billingPeriod,
            @Schema(example = "1234.50", description = "Decimal string, 0.01 to 1000000000.00") String amount,
            @Schema(example = "245.5", description = "Optional consumption in kWh") String kwh,
            @Schema(example = "Electricity for 2026-10") String description,
            @Schema(example = "2026-11-01", format = "date",
                    description = "Business date of the charge; today when omitted. May be in "
                    + "the past (late billing, migration), not in the future nor before the account opened")
            String postedOn) {
    }

    public record RecordPaymentRequest(
            @Schema(example = "SBP-20261105-000123", description = "The sender's unique reference") String paymentId,
            @Schema(example = "1234.50") String amount,
            @Schema(example = "WEB_CABINET",
                    allowableValues = {"WEB_CABINET", "MOBILE_APP", "AUTOPAY", "BANK_REGISTRY", "CASH_OFFICE"})
            String channel,
            @Schema(example = "2026-11-05", format = "date",
                    description = "Value date; today when omitted") String receivedOn,
            @Schema(example = "2026-10", description = "Optional billing period the payment is for") String billingPeriod) {
    }

    public record ReversePaymentRequest(
            @Schema(example = "Bank recall") String reason,
            @Schema(example = "2026-11-06", format = "date",
                    description = "Business date; today when omitted") String reversedOn) {
    }

    public record CloseAccountRequest(
            @Schema(example = "2026-11-30", format = "date",
                    description = "Business date; today when omitted") String closedOn) {
    }
}
