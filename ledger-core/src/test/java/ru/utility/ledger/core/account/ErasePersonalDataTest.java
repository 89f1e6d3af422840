package ru.utility.ledger.core.account;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.PersonalData;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.ErasePersonalData;
import ru.utility.ledger.core.api.account.ErasureReceipt;
import ru.utility.ledger.core.api.account.GrantSocialCategory;
import ru.utility.ledger.core.api.account.PersonalDataErased;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.TODAY;
import static ru.utility.ledger.core.account.AccountFixtures.TOMORROW;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class ErasePersonalDataTest {

    private static final String REASON = "Holder's request 2026-11-19 No. 17 (152-FZ art. 21)";
    private static final SocialCategoryGranted DISABLED_GRANTED = new SocialCategoryGranted(ACCOUNT,
            SocialCategory.DISABLED, LocalDate.of(2026, 3, 1), null, "Disability certificate 9");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void erasesTheHoldersData() {
        fixture.given(opened(), octoberCharged())
                .when(new ErasePersonalData(ACCOUNT, TODAY, REASON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonalDataErased(ACCOUNT, TODAY, REASON))
                .expectResultMessagePayload(new ErasureReceipt(ACCOUNT, TODAY, REASON))
                .expectState(account -> assertThat(account).extracting("state")
                        .satisfies(state -> {
                            AccountState s = (AccountState) state;
                            assertThat(s.isErased()).isTrue();
                            assertThat(s.holderName()).isNull();
                            // The debt is untouched: erasure removes who, never how much.
                            assertThat(s.balance()).isEqualTo(octoberCharged().amount());
                        }));
    }

    @Test
    void erasesAClosedAccountToo() {
        fixture.given(opened(), closed())
                .when(new ErasePersonalData(ACCOUNT, TODAY, REASON))
                .expectEvents(new PersonalDataErased(ACCOUNT, TODAY, REASON));
    }

    @Test
    void theCategoriesAndDocumentsAreErasedFromTheState() {
        fixture.given(opened(), DISABLED_GRANTED)
                .when(new ErasePersonalData(ACCOUNT, TODAY, REASON))
                .expectEvents(new PersonalDataErased(ACCOUNT, TODAY, REASON))
                .expectState(account -> assertThat(account).extracting("state")
                        .satisfies(state -> assertThat(((AccountState) state).categories().grants())
                                .singleElement()
                                .satisfies(g -> {
                                    assertThat(g.documentReference()).isEqualTo(PersonalData.ERASED);
                                    assertThat(g.category()).isNull();
                                    // Its dates stay (they shaped money already recorded); it applies no more.
                                    assertThat(g.validFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
                                    assertThat(g.isValidOn(TODAY)).isFalse();
                                })));
    }

    @Test
    void aSecondErasureIsRefused() {
        fixture.given(opened(), new PersonalDataErased(ACCOUNT, LocalDate.of(2026, 11, 1), REASON))
                .when(new ErasePersonalData(ACCOUNT, TODAY, REASON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "PERSONAL_DATA_ERASED", "accountId"));
    }

    @Test
    void anUnknownAccountIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ErasePersonalData(ACCOUNT, TODAY, REASON))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aFutureErasureDateIsRefused() {
        fixture.given(opened())
                .when(new ErasePersonalData(ACCOUNT, TOMORROW, REASON))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "DATE_IN_FUTURE", "erasedOn"));
    }

    @Test
    void noNewSupportingDocumentAfterErasure() {
        fixture.given(opened(), new PersonalDataErased(ACCOUNT, TODAY, REASON))
                .when(new GrantSocialCategory(ACCOUNT, SocialCategory.PENSIONER, TODAY, null, "Pension certificate 1"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "PERSONAL_DATA_ERASED", "documentReference"));
    }
}
