package ru.utility.ledger.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.CategoryReceipt;
import ru.utility.ledger.core.api.account.GrantSocialCategory;
import ru.utility.ledger.core.api.account.RevokeSocialCategory;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.category.CategoryBook;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.utility.ledger.core.account.AccountFixtures.ACCOUNT;
import static ru.utility.ledger.core.account.AccountFixtures.closed;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.violation;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.CONFLICT;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.NOT_FOUND;
import static ru.utility.ledger.core.api.LedgerRuleViolation.Kind.UNPROCESSABLE;

class SocialCategoryTest {

    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2027, 2, 28);
    static final String DOC = "Pension certificate 123-456";

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.newFixture();
    }

    @Test
    void grantsACategoryWithItsValidityAndDocument() {
        fixture.given(opened())
                .when(new GrantSocialCategory(ACCOUNT, SocialCategory.PENSIONER, FROM, TO, " " + DOC + " "))
                .expectEvents(granted())
                .expectResultMessagePayload(new CategoryReceipt(ACCOUNT, SocialCategory.PENSIONER, FROM, TO, DOC,
                        null, null, false));
    }

    @Test
    void anIdenticalRepeatRecordsNothing() {
        fixture.given(opened(), granted())
                .when(new GrantSocialCategory(ACCOUNT, SocialCategory.PENSIONER, FROM, TO, DOC))
                .expectNoEvents()
                .expectResultMessagePayload(new CategoryReceipt(ACCOUNT, SocialCategory.PENSIONER, FROM, TO, DOC,
                        null, null, true));
    }

    @Test
    void anotherGrantWhileOneIsLiveIsAConflict() {
        fixture.given(opened(), granted())
                .when(new GrantSocialCategory(ACCOUNT, SocialCategory.PENSIONER, FROM, null, "Other document"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "CATEGORY_ALREADY_GRANTED", "category"));
    }

    @Test
    void otherCategoriesAreIndependent() {
        fixture.given(opened(), granted())
                .when(new GrantSocialCategory(ACCOUNT, SocialCategory.DISABLED, FROM, null, "Disability certificate 9"))
                .expectEvents(new SocialCategoryGranted(ACCOUNT, SocialCategory.DISABLED, FROM, null, "Disability certificate 9"));
    }

    @Test
    void revokesAndAcceptsTheSameRevocationAgain() {
        LocalDate on = LocalDate.of(2026, 9, 1);
        fixture.given(opened(), granted())
                .when(new RevokeSocialCategory(ACCOUNT, SocialCategory.PENSIONER, on, "Document withdrawn"))
                .expectEvents(new SocialCategoryRevoked(ACCOUNT, SocialCategory.PENSIONER, on, "Document withdrawn"));
        fixture.given(opened(), granted(), new SocialCategoryRevoked(ACCOUNT, SocialCategory.PENSIONER, on, "Document withdrawn"))
                .when(new RevokeSocialCategory(ACCOUNT, SocialCategory.PENSIONER, on, "Document withdrawn"))
                .expectNoEvents()
                .expectResultMessagePayload(new CategoryReceipt(ACCOUNT, SocialCategory.PENSIONER, FROM, TO, DOC,
                        on, "Document withdrawn", true));
    }

    @Test
    void aCategoryMayBeGrantedAgainAfterRevocation() {
        LocalDate on = LocalDate.of(2026, 9, 1);
        fixture.given(opened(), granted(), new SocialCategoryRevoked(ACCOUNT, SocialCategory.PENSIONER, on, "expired"))
                .when(new GrantSocialCategory(ACCOUNT, SocialCategory.PENSIONER, on, null, "New certificate"))
                .expectEvents(new SocialCategoryGranted(ACCOUNT, SocialCategory.PENSIONER, on, null, "New certificate"));
    }

    @Test
    void revokingWhatIsNotGrantedIsNotFound() {
        fixture.given(opened())
                .when(new RevokeSocialCategory(ACCOUNT, SocialCategory.LARGE_FAMILY, FROM, "x"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "CATEGORY_NOT_GRANTED", "category"));
    }

    @Test
    void aRevocationBeforeTheGrantStartsIsRejected() {
        fixture.given(opened(), granted())
                .when(new RevokeSocialCategory(ACCOUNT, SocialCategory.PENSIONER, FROM.minusDays(1), "x"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "REVOCATION_BEFORE_GRANT", "revokedOn"));
    }

    @Test
    void aClosedAccountTakesNoGrantOrRevocation() {
        fixture.given(opened(), closed())
                .when(new GrantSocialCategory(ACCOUNT, SocialCategory.PENSIONER, FROM, TO, DOC))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
        fixture.given(opened(), granted(), closed())
                .when(new RevokeSocialCategory(ACCOUNT, SocialCategory.PENSIONER, FROM, "x"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "ACCOUNT_CLOSED", null));
    }

    @Test
    void validityEndsAtValidToOrTheDayBeforeRevocation() {
        CategoryBook book = CategoryBook.of(List.of(granted(),
                new SocialCategoryRevoked(ACCOUNT, SocialCategory.PENSIONER, LocalDate.of(2026, 9, 1), "x")));
        assertThat(book.isValidOn(SocialCategory.PENSIONER, FROM.minusDays(1))).isFalse();
        assertThat(book.isValidOn(SocialCategory.PENSIONER, FROM)).isTrue();
        assertThat(book.isValidOn(SocialCategory.PENSIONER, LocalDate.of(2026, 8, 31))).isTrue();
        assertThat(book.isValidOn(SocialCategory.PENSIONER, LocalDate.of(2026, 9, 1))).isFalse();
        assertThat(CategoryBook.of(List.of(granted())).isValidOn(SocialCategory.PENSIONER, TO.plusDays(1))).isFalse();
    }

    @Test
    void theCommandChecksItsFields() {
        assertThatThrownBy(() -> new GrantSocialCategory(ACCOUNT, SocialCategory.PENSIONER, TO, FROM, DOC))
                .hasMessageContaining("validTo");
        assertThatThrownBy(() -> new GrantSocialCategory(ACCOUNT, SocialCategory.PENSIONER, FROM, TO, " "))
                .hasMessageContaining("documentReference");
    }

    static SocialCategoryGranted granted() {
        return new SocialCategoryGranted(ACCOUNT, SocialCategory.PENSIONER, FROM, TO, DOC);
    }
}
