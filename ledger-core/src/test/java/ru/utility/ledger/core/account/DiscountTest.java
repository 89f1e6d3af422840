package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.Allocation;
import ru.utility.ledger.core.api.AllocationSource;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.api.program.ReliefKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_DUE;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_ENERGY;
import static ru.utility.ledger.core.account.AccountFixtures.OCTOBER_KWH;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.opened;

/** DISCOUNT: each energy charge posted while the category and the programme are valid gets a credit. */
class DiscountTest {

    static final ProgramId PROGRAM = ProgramId.of("PENSIONER-30");
    static final BigDecimal THIRTY = new BigDecimal("30");
    static final SocialCategoryGranted PENSIONER = new SocialCategoryGranted(ACCOUNT, SocialCategory.PENSIONER,
            LocalDate.of(2026, 3, 1), null, "Pension certificate 1");
    static final PaymentId CREDIT = PaymentId.of("DISCOUNT:PENSIONER-30:ENERGY-2026-10");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    static AccountEnrolled enrolled(LocalDate on, LocalDate to) {
        return new AccountEnrolled(ACCOUNT, PROGRAM, ReliefKind.DISCOUNT, on, to, THIRTY, Set.of(SocialCategory.PENSIONER));
    }

    static PostCharge charge(String amount) {
        return new PostCharge(ACCOUNT, null, OCTOBER, Money.parse(amount), OCTOBER_KWH, null);
    }

    static ChargePosted posted(String amount) {
        return new ChargePosted(ACCOUNT, OCTOBER_ENERGY, OCTOBER, Money.parse(amount), OCTOBER_KWH,
                "Electricity for 2026-10", OCTOBER_DUE, AccountFixtures.TODAY);
    }

    @Test
    void anEnergyChargeGetsItsPercentRoundedHalfUpAndTheCreditSettlesIt() {
        // 30% of 1234.55 = 370.365 -> 370.37
        Money discount = Money.parse("370.37");
        fixture.given(opened(), PENSIONER, enrolled(LocalDate.of(2026, 11, 1), null))
                .when(charge("1234.55"))
                .expectEvents(posted("1234.55"),
                        new DiscountCredited(ACCOUNT, PROGRAM, OCTOBER_ENERGY, CREDIT, discount, THIRTY, TODAY),
                        new PaymentAllocated(ACCOUNT, CREDIT, TODAY, AllocationSource.CREDIT,
                                List.of(Allocation.principal(OCTOBER_ENERGY, discount))));
    }

    @Test
    void noDiscountOutsideTheProgrammeOrWithoutAValidCategory() {
        fixture.given(opened(), PENSIONER, enrolled(LocalDate.of(2026, 1, 1), TODAY.minusDays(1)))
                .when(charge("1234.55"))
                .expectEvents(posted("1234.55"));
        fixture.given(opened(), PENSIONER, enrolled(TODAY.plusDays(1), null))
                .when(charge("1234.55"))
                .expectEvents(posted("1234.55"));
        fixture.given(opened(), PENSIONER, enrolled(LocalDate.of(2026, 11, 1), null),
                        new SocialCategoryRevoked(ACCOUNT, SocialCategory.PENSIONER, LocalDate.of(2026, 11, 10), "withdrawn"))
                .when(charge("1234.55"))
                .expectEvents(posted("1234.55"));
    }

    @Test
    void aBackdatedChargeIsDiscountedByTheEnrolmentValidOnItsPostingDateAndTheCreditTakesThatDate() {
        // Enrolled 1-9 November only: a charge posted today (20 November) gets nothing, one dated 5 November does.
        LocalDate postedOn = LocalDate.of(2026, 11, 5);
        Money discount = Money.parse("370.37");
        fixture.given(opened(), PENSIONER, enrolled(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 9)))
                .when(new PostCharge(ACCOUNT, null, OCTOBER, Money.parse("1234.55"), OCTOBER_KWH, null, postedOn))
                .expectEvents(new ChargePosted(ACCOUNT, OCTOBER_ENERGY, OCTOBER, Money.parse("1234.55"), OCTOBER_KWH,
                                "Electricity for 2026-10", OCTOBER_DUE, postedOn),
                        new DiscountCredited(ACCOUNT, PROGRAM, OCTOBER_ENERGY, CREDIT, discount, THIRTY, postedOn),
                        new PaymentAllocated(ACCOUNT, CREDIT, postedOn, AllocationSource.CREDIT,
                                List.of(Allocation.principal(OCTOBER_ENERGY, discount))));
    }

    @Test
    void anAdjustmentIsNotAnEnergyCharge() {
        ChargeId adjustment = ChargeId.of("ADJ-1");
        fixture.given(opened(), PENSIONER, enrolled(LocalDate.of(2026, 11, 1), null))
                .when(new PostCharge(ACCOUNT, adjustment, OCTOBER, Money.parse("10.00"), null, "Meter check"))
                .expectEvents(new ChargePosted(ACCOUNT, adjustment, OCTOBER, Money.parse("10.00"), null, "Meter check",
                        OCTOBER_DUE, AccountFixtures.TODAY));
    }

    @Test
    void aDiscountOfLessThanHalfAKopeckIsNotPosted() {
        fixture.given(opened(), PENSIONER, new AccountEnrolled(ACCOUNT, PROGRAM, ReliefKind.DISCOUNT,
                        LocalDate.of(2026, 11, 1), null, new BigDecimal("1"), Set.of()))
                .when(charge("0.49"))
                .expectEvents(posted("0.49"));
    }

    @Test
    void longIdsGetADigestThatStillFitsAPaymentId() {
        PaymentId id = DiscountCredited.creditIdFor(ProgramId.of("A-VERY-LONG-PROGRAMME-ID-1234567"),
                ChargeId.of("A-VERY-LONG-CHARGE-ID-THAT-FILLS-THE-WHOLE-LENGTH-1234567890-XYZ"));
        assertThat(id.value()).startsWith("DISCOUNT:").hasSizeLessThanOrEqualTo(64);
        assertThat(DiscountCredited.creditIdFor(PROGRAM, OCTOBER_ENERGY)).isEqualTo(CREDIT);
    }
}
