package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored form of every event is a contract with the event table and every reader of it:
 * a change here needs a new revision and an upcaster, not an edited approved file.
 */
class EventJsonTest {

    private static final AccountId ACCOUNT = AccountId.of("ACC-0001");
    private static final PaymentId PAYMENT = PaymentId.of("SBER:2026-11-02/000123");
    private static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");

    /**
     * Events whose stored shape changed, with the revision their upcaster brings older ones to. Revision 2 of
     * AccountOpened, SocialCategoryGranted and SocialCategoryRevoked is this JSON with its personal data sealed by the event store's
     * serializer (ledger-api, SealedEventJsonTest); the form approved here is what the sealing starts from.
     */
    private static final Map<Class<?>, String> CURRENT_REVISIONS = Map.of(ChargePosted.class, "2",
            AccountOpened.class, "2", SocialCategoryGranted.class, "2", SocialCategoryRevoked.class, "2");

    private final Serializer serializer = Jackson3Serializer.builder().build();

    static List<AccountEvent> oneOfEach() {
        return List.of(
                new AccountOpened(ACCOUNT, "Ivanova Maria", RegionCode.of("77"), LocalDate.of(2026, 2, 3)),
                new ChargePosted(ACCOUNT, ChargeId.of("ENERGY-2026-10"), OCTOBER, Money.parse("1234.50"),
                        EnergyKwh.parse("350.500"), "Electricity for 2026-10", LocalDate.of(2026, 11, 16), OCTOBER.next().firstDay()),
                new PaymentRecorded(ACCOUNT, PAYMENT, Money.parse("1234.50"), PaymentChannel.BANK_REGISTRY,
                        LocalDate.of(2026, 11, 2), OCTOBER),
                new PaymentReversed(ACCOUNT, PAYMENT, Money.parse("1234.50"), "bank recall", LocalDate.of(2026, 11, 10)),
                new AccountClosed(ACCOUNT, LocalDate.of(2026, 11, 12)),
                new PaymentAllocated(ACCOUNT, PAYMENT, LocalDate.of(2026, 11, 2), AllocationSource.RECEIPT,
                        List.of(Allocation.principal(ChargeId.of("ENERGY-2026-10"), Money.parse("1200.00")),
                                Allocation.penalty(Money.parse("34.50")))),
                new PaymentAllocationReleased(ACCOUNT, PAYMENT,
                        List.of(Allocation.principal(ChargeId.of("ENERGY-2026-10"), Money.parse("1200.00")),
                                Allocation.penalty(Money.parse("34.50")))),
                new PenaltyAccrued(ACCOUNT, LocalDate.of(2026, 11, 20), Money.parse("-12.34"), Money.parse("66.65")),
                new SocialCategoryGranted(ACCOUNT, SocialCategory.LARGE_FAMILY, LocalDate.of(2026, 3, 1), null,
                        "Large family certificate 77-123"),
                new SocialCategoryRevoked(ACCOUNT, SocialCategory.LARGE_FAMILY, LocalDate.of(2026, 9, 1), "Certificate expired"),
                new RestrictionNoticeSent(ACCOUNT, "NOTICE-2026-11-001", LocalDate.of(2026, 11, 5)),
                new AccountEnrolled(ACCOUNT, ru.utility.ledger.core.api.ProgramId.of("PENSIONER-30"),
                        ru.utility.ledger.core.api.program.ReliefKind.DISCOUNT, LocalDate.of(2026, 11, 18),
                        LocalDate.of(2026, 12, 31), new java.math.BigDecimal("30"),
                        java.util.Set.of(SocialCategory.PENSIONER, SocialCategory.DISABLED)),
                new CompensationCredited(ACCOUNT, ru.utility.ledger.core.api.ProgramId.of("COMP-50"),
                        PaymentId.of("RELIEF:COMP-50"), Money.parse("617.25"), LocalDate.of(2026, 11, 18)),
                new DiscountCredited(ACCOUNT, ru.utility.ledger.core.api.ProgramId.of("PENSIONER-30"),
                        ChargeId.of("ENERGY-2026-10"), PaymentId.of("DISCOUNT:PENSIONER-30:ENERGY-2026-10"),
                        Money.parse("370.35"), new java.math.BigDecimal("30"), LocalDate.of(2026, 11, 25)),
                new PenaltiesWrittenOff(ACCOUNT, ru.utility.ledger.core.api.ProgramId.of("AMNESTY-26"),
                        Money.parse("160.04"), LocalDate.of(2026, 11, 20),
                        java.util.List.of(ru.utility.ledger.core.api.BillingPeriod.parse("2026-06"),
                                ru.utility.ledger.core.api.BillingPeriod.parse("2026-07")), Money.parse("175.10")),
                new DiscountBudgetLinked(ACCOUNT, ru.utility.ledger.core.api.ProgramId.of("LARGE-FAMILY-30"),
                        LocalDate.of(2026, 11, 18)),
                new DiscountClaimed(ACCOUNT, ru.utility.ledger.core.api.ProgramId.of("LARGE-FAMILY-30"),
                        ChargeId.of("ENERGY-2026-10"), PaymentId.of("DISCOUNT:LARGE-FAMILY-30:ENERGY-2026-10"),
                        Money.parse("370.35"), new java.math.BigDecimal("30"), LocalDate.of(2026, 11, 25)),
                new DiscountRefused(ACCOUNT, ru.utility.ledger.core.api.ProgramId.of("LARGE-FAMILY-30"),
                        ChargeId.of("ENERGY-2026-10"), PaymentId.of("DISCOUNT:LARGE-FAMILY-30:ENERGY-2026-10"),
                        Money.parse("370.35"), "BUDGET_EXHAUSTED",
                        "programme LARGE-FAMILY-30 has 12.00 of its budget left; the discount needs 370.35",
                        LocalDate.of(2026, 11, 25)),
                new EnrolmentEnded(ACCOUNT, ru.utility.ledger.core.api.ProgramId.of("LARGE-FAMILY-30"),
                        LocalDate.of(2026, 12, 1), "programme closed: budget year ended"),
                new DeferralGranted(ACCOUNT, ru.utility.ledger.core.api.DeferralId.of("DEF-1"),
                        ru.utility.ledger.core.api.ProgramId.of("DEFER-6M"), LocalDate.of(2026, 11, 20),
                        LocalDate.of(2027, 2, 20), List.of(new DeferredCharge(ChargeId.of("ENERGY-2026-10"),
                        LocalDate.of(2026, 11, 16), Money.parse("1234.50")))),
                new DeferralEndedEarly(ACCOUNT, ru.utility.ledger.core.api.DeferralId.of("DEF-1"),
                        LocalDate.of(2026, 12, 20), "income restored",
                        List.of(new ChargeDueDate(ChargeId.of("ENERGY-2026-10"), LocalDate.of(2026, 12, 20)))),
                new InstallmentPlanAgreed(ACCOUNT, ru.utility.ledger.core.api.PlanId.of("PLAN-1"),
                        ru.utility.ledger.core.api.ProgramId.of("INST-12"), LocalDate.of(2026, 11, 20), 2,
                        List.of(new RestructuredCharge(ChargeId.of("ENERGY-2026-10"), Money.parse("1000.00"))),
                        List.of(new ScheduledInstallment(1, ChargeId.of("PLAN-1:1"), LocalDate.of(2026, 12, 20),
                                        Money.parse("500.00")),
                                new ScheduledInstallment(2, ChargeId.of("PLAN-1:2"), LocalDate.of(2027, 1, 20),
                                        Money.parse("500.00")))),
                new InstallmentMissed(ACCOUNT, ru.utility.ledger.core.api.PlanId.of("PLAN-1"), 1,
                        LocalDate.of(2026, 12, 20), Money.parse("200.00"), 1),
                new InstallmentPlanDefaulted(ACCOUNT, ru.utility.ledger.core.api.PlanId.of("PLAN-1"),
                        LocalDate.of(2026, 12, 21), 1,
                        List.of(new ChargeDueDate(ChargeId.of("PLAN-1:2"), LocalDate.of(2026, 12, 21)))),
                new InstallmentPlanCompleted(ACCOUNT, ru.utility.ledger.core.api.PlanId.of("PLAN-1"),
                        LocalDate.of(2027, 1, 19)),
                new DueDateCorrected(ACCOUNT, ChargeId.of("ENERGY-2024-04"),
                        ru.utility.ledger.core.api.BillingPeriod.parse("2024-04"), LocalDate.of(2024, 5, 10),
                        LocalDate.of(2024, 5, 13), LocalDate.of(2026, 11, 20), "production calendar"),
                new ChargeCorrected(ACCOUNT, ru.utility.ledger.core.api.CorrectionId.of("RECALC-2026-11-001"),
                        ChargeId.of("ENERGY-2026-10"), OCTOBER, Money.parse("250.00"), LocalDate.of(2026, 12, 15),
                        LocalDate.of(2026, 11, 20), "meter reading corrected"),
                new RestrictionNoticeDelivered(ACCOUNT, "NOTICE-2026-11-001", LocalDate.of(2026, 11, 9),
                        ru.utility.ledger.core.api.NoticeChannel.REGISTERED_MAIL),
                new HouseholdTypeSet(ACCOUNT, ru.utility.ledger.core.api.HouseholdType.APARTMENT_GAS_STOVE,
                        LocalDate.of(2026, 3, 1)),
                new PersonalDataErased(ACCOUNT, LocalDate.of(2026, 11, 20),
                        "Holder's request 2026-11-19 No. 17 (152-FZ art. 21)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEach")
    void theJsonFormIsApproved(AccountEvent event) {
        String json = serializer.serialize(event, String.class).getData();

        ApprovedJson.verify(event.getClass().getSimpleName(), json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEach")
    void deserializesToAnEqualEvent(AccountEvent event) {
        SerializedObject<String> serialized = serializer.serialize(event, String.class);

        Object read = serializer.deserialize(serialized);

        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEach")
    void isAtItsCurrentRevision(AccountEvent event) {
        assertThat(serializer.typeForClass(event.getClass()).getRevision())
                .isEqualTo(CURRENT_REVISIONS.getOrDefault(event.getClass(), "1"));
        assertThat(serializer.serialize(event, String.class).getType().getName()).isEqualTo(event.getClass().getName());
    }

    @Test
    void everyEventTypeIsCovered() {
        List<Class<?>> permitted = Arrays.asList(AccountEvent.class.getPermittedSubclasses());

        assertThat(oneOfEach()).map(Object::getClass).containsExactlyInAnyOrderElementsOf(permitted);
    }
}
