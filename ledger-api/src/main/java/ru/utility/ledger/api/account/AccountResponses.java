package ru.utility.ledger.api.account;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.AccountStatus;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.ChargeReceipt;
import ru.utility.ledger.core.api.account.PaymentReceipt;
import ru.utility.ledger.core.api.account.ReversalReceipt;
import ru.utility.ledger.core.api.asof.AsOfBalance;
import ru.utility.ledger.projections.balance.AccountBalanceView;

/** Response bodies. Amounts serialise as decimal strings, dates as ISO dates. */
public final class AccountResponses {

    private AccountResponses() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountResponse(AccountId accountId, String holderName, RegionCode regionCode, AccountStatus status,
                                  LocalDate openedOn, LocalDate closedOn, Money balance) {
        static AccountResponse of(AccountBalanceView view) {
            return new AccountResponse(view.accountId(), view.holderName(), view.regionCode(), view.status(),
                    view.openedOn(), view.closedOn(), view.balance());
        }
    }

    /** The balance as the balances projection has it, with the last event it applied. */
    public record BalanceResponse(AccountId accountId, Money balance, Money totalCharged, Money totalPaid,
                                  Money totalReversed, Money totalPenalties, Money totalRelief, Money totalCorrected,
                                  AsOf asOf) {
        public record AsOf(long sequence, Instant eventRecordedAt) {
        }

        static BalanceResponse of(AccountBalanceView view) {
            return new BalanceResponse(view.accountId(), view.balance(), view.totalCharged(), view.totalPaid(),
                    view.totalReversed(), view.totalPenalties(), view.totalRelief(), view.totalCorrected(),
                    new AsOf(view.lastSequence(), view.lastEventAt()));
        }
    }

    /**
     * A balance computed from the event store: the events dated up to {@code asOf} that were recorded by
     * {@code knownAt} (null: everything recorded so far). {@code status} is null when the account was not open
     * on that date as known then.
     */
    public record AsOfBalanceResponse(AccountId accountId, LocalDate asOf, Instant knownAt, AccountStatus status,
                                      Money balance, Money totalCharged, Money totalPaid, Money totalReversed,
                                      Money totalCorrected, int eventsCounted, Long lastSequence, String source) {
        static AsOfBalanceResponse of(AsOfBalance b) {
            return new AsOfBalanceResponse(b.accountId(), b.asOf(), b.knownAt(), b.status(), b.balance(),
                    b.totalCharged(), b.totalPaid(), b.totalReversed(), b.totalCorrected(), b.eventsCounted(),
                    b.lastSequence() < 0 ? null : b.lastSequence(), "event-store");
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChargeResponse(AccountId accountId, ChargeId chargeId, BillingPeriod billingPeriod, Money amount,
                                 EnergyKwh kwh, String description, LocalDate dueDate, LocalDate postedOn) {
        static ChargeResponse of(ChargeReceipt r) {
            return new ChargeResponse(r.accountId(), r.chargeId(), r.billingPeriod(), r.amount(), r.kwh(),
                    r.description(), r.dueDate(), r.postedOn());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentResponse(AccountId accountId, PaymentId paymentId, Money amount, PaymentChannel channel,
                                  LocalDate receivedOn, BillingPeriod billingPeriod) {
        static PaymentResponse of(PaymentReceipt r) {
            return new PaymentResponse(r.accountId(), r.paymentId(), r.amount(), r.channel(), r.receivedOn(),
                    r.billingPeriod());
        }
    }

    public record ReversalResponse(AccountId accountId, PaymentId paymentId, Money amount, String reason,
                                   LocalDate reversedOn) {
        static ReversalResponse of(ReversalReceipt r) {
            return new ReversalResponse(r.accountId(), r.paymentId(), r.amount(), r.reason(), r.reversedOn());
        }
    }

    public record ClosureResponse(AccountId accountId, AccountStatus status, LocalDate closedOn) {
    }
}
