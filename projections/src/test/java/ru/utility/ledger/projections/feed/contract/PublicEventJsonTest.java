package ru.utility.ledger.projections.feed.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.RestrictionNoticeSent;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.program.ProgramEvent;

/**
 * The published JSON is a promise to other systems: an internal refactoring that changes it fails here.
 * A deliberate change is a new version of the type (a new record and catalog line), never an edited
 * approved file.
 */
class PublicEventJsonTest {

    private static final AccountId ACCOUNT = AccountId.of("ACC-0001");
    private static final PaymentId PAYMENT = PaymentId.of("SBER:2026-11-02/000123");
    private static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");

    /** One internal event per public type; a type added to the catalog without a sample fails below. */
    static List<Object> oneOfEach() {
        return List.of(
                new AccountOpened(ACCOUNT, "Ivanova Maria", RegionCode.of("77"), LocalDate.of(2026, 2, 3)),
                new ChargePosted(ACCOUNT, ChargeId.of("ENERGY-2026-10"), OCTOBER, Money.parse("1234.50"),
                        EnergyKwh.parse("350.500"), "Electricity for 2026-10", LocalDate.of(2026, 11, 16), OCTOBER.next().firstDay()),
                new PaymentRecorded(ACCOUNT, PAYMENT, Money.parse("1234.50"), PaymentChannel.BANK_REGISTRY,
                        LocalDate.of(2026, 11, 2), OCTOBER),
                new PaymentReversed(ACCOUNT, PAYMENT, Money.parse("1234.50"), "bank recall", LocalDate.of(2026, 11, 10)),
                new AccountClosed(ACCOUNT, LocalDate.of(2026, 11, 12)),
                new PenaltyAccrued(ACCOUNT, LocalDate.of(2026, 11, 25), Money.parse("66.65"), Money.parse("66.65")),
                new RestrictionNoticeSent(ACCOUNT, "NOTICE-2026-11-001", LocalDate.of(2026, 11, 5)),
                new ru.utility.ledger.core.api.account.RestrictionNoticeDelivered(ACCOUNT, "NOTICE-2026-11-001",
                        LocalDate.of(2026, 11, 9), ru.utility.ledger.core.api.NoticeChannel.REGISTERED_MAIL),
                new ru.utility.ledger.core.api.account.HouseholdTypeSet(ACCOUNT,
                        ru.utility.ledger.core.api.HouseholdType.APARTMENT_GAS_STOVE, LocalDate.of(2026, 3, 1)),
                new ru.utility.ledger.core.api.account.CompensationCredited(ACCOUNT,
                        ru.utility.ledger.core.api.ProgramId.of("COMP-50"), PaymentId.of("RELIEF:COMP-50"),
                        Money.parse("617.25"), LocalDate.of(2026, 11, 18)),
                new ru.utility.ledger.core.api.account.DiscountCredited(ACCOUNT,
                        ru.utility.ledger.core.api.ProgramId.of("PENSIONER-30"), ChargeId.of("ENERGY-2026-10"),
                        PaymentId.of("DISCOUNT:PENSIONER-30:ENERGY-2026-10"), Money.parse("370.35"),
                        new java.math.BigDecimal("30"), LocalDate.of(2026, 11, 25)),
                new ru.utility.ledger.core.api.account.PenaltiesWrittenOff(ACCOUNT,
                        ru.utility.ledger.core.api.ProgramId.of("AMNESTY-26"), Money.parse("160.04"),
                        LocalDate.of(2026, 11, 20), java.util.List.of(ru.utility.ledger.core.api.BillingPeriod.parse("2026-06"),
                        ru.utility.ledger.core.api.BillingPeriod.parse("2026-07")), Money.parse("175.10")),
                new ru.utility.ledger.core.api.account.DeferralGranted(ACCOUNT,
                        ru.utility.ledger.core.api.DeferralId.of("DEF-1"), ru.utility.ledger.core.api.ProgramId.of("DEFER-6M"),
                        LocalDate.of(2026, 11, 20), LocalDate.of(2027, 2, 20), List.of(
                        new ru.utility.ledger.core.api.account.DeferredCharge(ChargeId.of("ENERGY-2026-10"),
                                LocalDate.of(2026, 11, 16), Money.parse("1234.50")))),
                new ru.utility.ledger.core.api.account.DeferralEndedEarly(ACCOUNT,
                        ru.utility.ledger.core.api.DeferralId.of("DEF-1"), LocalDate.of(2026, 12, 20), "income restored",
                        List.of(new ru.utility.ledger.core.api.account.ChargeDueDate(ChargeId.of("ENERGY-2026-10"),
                                LocalDate.of(2026, 12, 20)))),
                new ru.utility.ledger.core.api.account.InstallmentPlanAgreed(ACCOUNT,
                        ru.utility.ledger.core.api.PlanId.of("PLAN-1"), ru.utility.ledger.core.api.ProgramId.of("INST-12"),
                        LocalDate.of(2026, 11, 20), 2, List.of(new ru.utility.ledger.core.api.account.RestructuredCharge(
                        ChargeId.of("ENERGY-2026-10"), Money.parse("1000.00"))), List.of(
                        new ru.utility.ledger.core.api.account.ScheduledInstallment(1, ChargeId.of("PLAN-1:1"),
                                LocalDate.of(2026, 12, 20), Money.parse("500.00")),
                        new ru.utility.ledger.core.api.account.ScheduledInstallment(2, ChargeId.of("PLAN-1:2"),
                                LocalDate.of(2027, 1, 20), Money.parse("500.00")))),
                new ru.utility.ledger.core.api.account.InstallmentMissed(ACCOUNT,
                        ru.utility.ledger.core.api.PlanId.of("PLAN-1"), 1, LocalDate.of(2026, 12, 20),
                        Money.parse("200.00"), 1),
                new ru.utility.ledger.core.api.account.InstallmentPlanDefaulted(ACCOUNT,
                        ru.utility.ledger.core.api.PlanId.of("PLAN-1"), LocalDate.of(2026, 12, 21), 1,
                        List.of(new ru.utility.ledger.core.api.account.ChargeDueDate(ChargeId.of("PLAN-1:2"),
                                LocalDate.of(2026, 12, 21)))),
                new ru.utility.ledger.core.api.account.InstallmentPlanCompleted(ACCOUNT,
                        ru.utility.ledger.core.api.PlanId.of("PLAN-1"), LocalDate.of(2027, 1, 19)),
                new ru.utility.ledger.core.api.account.DueDateCorrected(ACCOUNT, ChargeId.of("ENERGY-2024-04"),
                        ru.utility.ledger.core.api.BillingPeriod.parse("2024-04"), LocalDate.of(2024, 5, 10),
                        LocalDate.of(2024, 5, 13), LocalDate.of(2026, 11, 20), "production calendar"),
                new ru.utility.ledger.core.api.account.ChargeCorrected(ACCOUNT,
                        ru.utility.ledger.core.api.CorrectionId.of("RECALC-2026-11-001"), ChargeId.of("ENERGY-2026-10"),
                        OCTOBER, Money.parse("-250.00"), null, LocalDate.of(2026, 11, 20), "meter reading corrected"),
                new ru.utility.ledger.core.api.anchor.ChainsAnchored(ru.utility.ledger.core.api.AnchorLogId.CHAINS, 7,
                        "3f0c2b8e4d1a5f6e7b8c9d0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e", 1250, 98_765));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEach")
    void theDataOfEachTypeIsApproved(Object event) {
        PublicEventCatalog.Published published = PublicEventCatalog.publish(event);

        ApprovedJson.verify(published.type() + ".v" + published.version(), published.dataJson());
    }

    /** Newer versions are approved like first ones; version 1 stays as approved for existing subscribers. */
    @Test
    void chargePostedVersionTwoAddsPostedOnAndVersionOneStays() {
        Object charge = oneOfEach().get(1);
        List<PublicEventCatalog.Published> newer = PublicEventCatalog.publishNewer(charge);
        assertThat(newer).hasSize(1);
        ApprovedJson.verify(newer.getFirst().type() + ".v" + newer.getFirst().version(), newer.getFirst().dataJson());
        assertThat(PublicEventCatalog.publish(charge).version()).isEqualTo(1);
        assertThat(PublicEventCatalog.publish(charge).dataJson()).doesNotContain("postedOn");
        assertThat(PublicEventCatalog.versions().get("ChargePosted")).containsExactlyInAnyOrder(1, 2);
        assertThat(PublicEventCatalog.publishNewer(oneOfEach().get(2))).isEmpty();
    }

    @Test
    void everyCatalogTypeHasASample() {
        assertThat(oneOfEach().stream().map(e -> PublicEventCatalog.publish(e).type()).toList())
                .containsExactlyInAnyOrderElementsOf(PublicEventCatalog.names());
    }

    @Test
    void optionalFieldsArePublishedAsNull() {
        PublicEventCatalog.Published charge = PublicEventCatalog.publish(new ChargePosted(ACCOUNT,
                ChargeId.of("ADJ-1"), OCTOBER, Money.parse("5.00"), null, "Adjustment", LocalDate.of(2026, 11, 16), OCTOBER.next().firstDay()));
        PublicEventCatalog.Published payment = PublicEventCatalog.publish(new PaymentRecorded(ACCOUNT, PAYMENT,
                Money.parse("0.10"), PaymentChannel.CASH_OFFICE, LocalDate.of(2026, 11, 2), null));

        assertThat(charge.dataJson()).contains("\"kwh\":null").contains("\"amount\":\"5.00\"");
        assertThat(payment.dataJson()).contains("\"billingPeriod\":null").contains("\"amount\":\"0.10\"");
    }

    @Test
    void theEnvelopeIsApproved() {
        PublicEventCatalog.Published published = PublicEventCatalog.publish(oneOfEach().get(2));
        FeedEvent envelope = new FeedEvent(42, "5b0d3c1e-8f1a-4a57-9d8e-0d6c1f7e2a10", published.type(),
                published.version(), published.accountId(), 3, "2026-11-25T09:00:00.123Z", "req-7f3a",
                published.dataJson());

        ApprovedJson.verify("envelope", JsonMapper.builder().build().writeValueAsString(envelope));
    }

    /** Compile-time exhaustiveness would not catch a new event of another aggregate: this does, for all. */
    @Test
    void everyAccountEventIsPublishedOrDeclaredInternal() {
        Stream.of(AccountEvent.class, ProgramEvent.class).flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses()))
                .forEach(type -> assertThat(
                PublicEventCatalog.TYPES.stream().anyMatch(t -> t.internalType() == type)
                        || PublicEventCatalog.INTERNAL_ONLY.contains(type))
                .as("%s needs a public type in PublicEventCatalog or a place in INTERNAL_ONLY", type.getSimpleName())
                .isTrue());
    }

    @Test
    void anEventWithoutAContractStopsTheFeedLoudly() {
        assertThatThrownBy(() -> PublicEventCatalog.publish("an unknown event"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No public contract for java.lang.String");
    }
}
