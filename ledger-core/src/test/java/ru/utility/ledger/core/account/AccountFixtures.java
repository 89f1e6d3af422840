package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.rules.DueDateRules;
import ru.utility.ledger.core.rules.penalty.PenaltyCalculator;
import ru.utility.ledger.core.rules.penalty.PenaltyRules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/** Shared facts for the aggregate tests. "Today" is Friday 20 November 2026 in Moscow. */
final class AccountFixtures {

    static final AccountId ACCOUNT = AccountId.of("ACC-0001");
    static final RegionCode REGION = RegionCode.of("77");
    static final String HOLDER = "Ivanova Maria";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final LocalDate OPENED_ON = LocalDate.of(2026, 2, 3);

    static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");
    static final ChargeId OCTOBER_ENERGY = ChargeId.of("ENERGY-2026-10");
    static final Money OCTOBER_AMOUNT = Money.parse("1234.50");
    static final EnergyKwh OCTOBER_KWH = EnergyKwh.parse("350.5");
    /** 15 November 2026 is a Sunday. */
    static final LocalDate OCTOBER_DUE = LocalDate.of(2026, 11, 16);

    static final PaymentId PAYMENT = PaymentId.of("SBER:2026-11-02/000123");
    static final LocalDate PAID_ON = LocalDate.of(2026, 11, 2);

    private AccountFixtures() {
    }

    static AggregateTestFixture<Account> newFixture() {
        return newFixture(CLOCK);
    }

    static AggregateTestFixture<Account> newFixture(Clock clock) {
        AggregateTestFixture<Account> fixture = new AggregateTestFixture<>(Account.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(DueDateRules.russianDefault());
        fixture.registerInjectableResource(new PenaltyCalculator(PenaltyRules.shipped()));
        return fixture;
    }

    static AccountOpened opened() {
        return new AccountOpened(ACCOUNT, HOLDER, REGION, OPENED_ON);
    }

    static ChargePosted octoberCharged() {
        return new ChargePosted(ACCOUNT, OCTOBER_ENERGY, OCTOBER, OCTOBER_AMOUNT, OCTOBER_KWH,
                "Electricity for 2026-10", OCTOBER_DUE, TODAY);
    }

    static PaymentRecorded octoberPaid() {
        return new PaymentRecorded(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, PaymentChannel.BANK_REGISTRY, PAID_ON, OCTOBER);
    }

    static PaymentAllocated octoberPaymentAllocated() {
        return new PaymentAllocated(ACCOUNT, PAYMENT, PAID_ON, AllocationSource.RECEIPT,
                List.of(Allocation.principal(OCTOBER_ENERGY, OCTOBER_AMOUNT)));
    }

    static PaymentAllocationReleased octoberAllocationReleased() {
        return new PaymentAllocationReleased(ACCOUNT, PAYMENT, List.of(Allocation.principal(OCTOBER_ENERGY, OCTOBER_AMOUNT)));
    }

    static PaymentReversed paymentReversed() {
        return new PaymentReversed(ACCOUNT, PAYMENT, OCTOBER_AMOUNT, "bank recall", LocalDate.of(2026, 11, 10));
    }

    static AccountClosed closed() {
        return new AccountClosed(ACCOUNT, LocalDate.of(2026, 11, 12));
    }

    static Matcher<LedgerRuleViolation> violation(LedgerRuleViolation.Kind kind, String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerRuleViolation v) {
                return v.kind() == kind && v.code().equals(code) && Objects.equals(v.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("LedgerRuleViolation " + kind + " " + code + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(LedgerRuleViolation v, Description description) {
                description.appendText("was " + v.kind() + " " + v.code() + " on field " + v.field() + ": " + v.reason());
            }
        };
    }

    static Matcher<LedgerRuleViolation> reasonContaining(String fragment) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerRuleViolation v) {
                return v.reason().contains(fragment);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a reason containing ").appendValue(fragment);
            }
        };
    }
}
