package ru.utility.ledger.core.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.HouseholdType;
import ru.utility.ledger.core.api.account.HouseholdTypeReceipt;
import ru.utility.ledger.core.api.account.HouseholdTypeSet;
import ru.utility.ledger.core.api.account.SetHouseholdType;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.OPENED_ON;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

/** The account's household type: every path of SetHouseholdType. */
class HouseholdTypeTest {

    static final LocalDate ON = LocalDate.of(2026, 3, 1);
    static final HouseholdTypeSet GAS = new HouseholdTypeSet(ACCOUNT, HouseholdType.APARTMENT_GAS_STOVE, ON);

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void setsTheTypeAndChangesItLater() {
        fixture.given(opened())
                .when(new SetHouseholdType(ACCOUNT, HouseholdType.APARTMENT_GAS_STOVE, ON))
                .expectEvents(GAS)
                .expectResultMessagePayload(new HouseholdTypeReceipt(ACCOUNT, HouseholdType.APARTMENT_GAS_STOVE, ON, false));
        fixture.given(opened(), GAS)
                .when(new SetHouseholdType(ACCOUNT, HouseholdType.APARTMENT_ELECTRIC_STOVE, ON.plusMonths(2)))
                .expectEvents(new HouseholdTypeSet(ACCOUNT, HouseholdType.APARTMENT_ELECTRIC_STOVE, ON.plusMonths(2)));
    }

    @Test
    void theTypeInForceAgainRecordsNothing() {
        fixture.given(opened(), GAS)
                .when(new SetHouseholdType(ACCOUNT, HouseholdType.APARTMENT_GAS_STOVE, ON.plusDays(5)))
                .expectNoEvents()
                .expectResultMessagePayload(new HouseholdTypeReceipt(ACCOUNT, HouseholdType.APARTMENT_GAS_STOVE, ON, true));
    }

    @Test
    void aDateInTheFutureOrBeforeOpeningIsRejected() {
        fixture.given(opened())
                .when(new SetHouseholdType(ACCOUNT, HouseholdType.HOUSE_GAS_STOVE, TOMORROW))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "setOn"));
        fixture.given(opened())
                .when(new SetHouseholdType(ACCOUNT, HouseholdType.HOUSE_GAS_STOVE, OPENED_ON.minusDays(1)))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "BEFORE_OPENING", "setOn"));
    }

    @Test
    void aClosedOrUnknownAccountIsRefused() {
        fixture.given(opened(), closed())
                .when(new SetHouseholdType(ACCOUNT, HouseholdType.HOUSE_GAS_STOVE, ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
        fixture.givenNoPriorActivity()
                .when(new SetHouseholdType(ACCOUNT, HouseholdType.HOUSE_GAS_STOVE, ON))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void theCommandChecksItsFields() {
        assertThatThrownBy(() -> new SetHouseholdType(ACCOUNT, null, ON)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("householdType");
        assertThatThrownBy(() -> new SetHouseholdType(ACCOUNT, HouseholdType.HOUSE_GAS_STOVE, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("setOn");
    }
}
