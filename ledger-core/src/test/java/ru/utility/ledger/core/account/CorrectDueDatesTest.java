package ru.utility.ledger.core.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.CorrectDueDates;
import ru.utility.ledger.core.api.account.DueDateCorrected;
import ru.utility.ledger.core.api.account.DueDateCorrectionReceipt;
import ru.utility.ledger.core.debt.DebtLedger;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.opened;

/**
 * April 2024's charge was posted due 10 May 2024 by a calendar without the transferred day off (Decree No. 1314
 * of 2023 made 10 May 2024 non-working): the run corrects it to 13 May; October 2026's date was right.
 */
class CorrectDueDatesTest {

    static final ChargeId APRIL = ChargeId.of("ENERGY-2024-04");
    static final ChargePosted APRIL_AS_POSTED = new ChargePosted(ACCOUNT, APRIL, BillingPeriod.parse("2024-04"),
            Money.parse("1000.00"), null, "Electricity for 2024-04", LocalDate.of(2024, 5, 10),
            LocalDate.of(2024, 5, 1));
    static final DueDateCorrected APRIL_CORRECTED = new DueDateCorrected(ACCOUNT, APRIL, BillingPeriod.parse("2024-04"),
            LocalDate.of(2024, 5, 10), LocalDate.of(2024, 5, 13), TODAY,
            "Housing Code art. 155 p.1 due day, moved to a working day by the production calendar (Civil Code art. 193)");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void aDueDateTheCalendarMovesIsCorrectedAndTheRestIsLeft() {
        fixture.given(opened(), APRIL_AS_POSTED, octoberCharged())
                .when(new CorrectDueDates(ACCOUNT))
                .expectEvents(APRIL_CORRECTED)
                .expectResultMessagePayload(new DueDateCorrectionReceipt(ACCOUNT, List.of(APRIL_CORRECTED)));
    }

    @Test
    void aRepeatRecordsNothing() {
        fixture.given(opened(), APRIL_AS_POSTED, octoberCharged(), APRIL_CORRECTED)
                .when(new CorrectDueDates(ACCOUNT))
                .expectNoEvents()
                .expectResultMessagePayload(new DueDateCorrectionReceipt(ACCOUNT, List.of()));
    }

    @Test
    void anUnknownAccountIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CorrectDueDates(ACCOUNT))
                .expectException(AggregateNotFoundException.class);
    }

    /** The debt falls due on the corrected date, so penalties and overdue days count from it. */
    @Test
    void theDebtLedgerFollowsTheCorrectedDate() {
        DebtLedger ledger = DebtLedger.of(List.of(opened(), APRIL_AS_POSTED, APRIL_CORRECTED));

        assertThat(ledger.charges()).singleElement()
                .satisfies(c -> assertThat(c.dueDate()).isEqualTo(LocalDate.of(2024, 5, 13)));
    }
}
