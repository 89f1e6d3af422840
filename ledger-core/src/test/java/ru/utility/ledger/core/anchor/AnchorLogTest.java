package ru.utility.ledger.core.anchor;

import java.util.Objects;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ru.utility.ledger.core.api.AnchorLogId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.anchor.AnchorChains;
import ru.utility.ledger.core.api.anchor.AnchorReceipt;
import ru.utility.ledger.core.api.anchor.ChainsAnchored;

class AnchorLogTest {

    private static final AnchorLogId LOG = AnchorLogId.CHAINS;
    private static final String ROOT_1 = "a".repeat(64);
    private static final String ROOT_2 = "b".repeat(64);

    private AggregateTestFixture<AnchorLog> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AnchorLog.class);
    }

    @Test
    void theFirstAnchorStartsTheLog() {
        fixture.givenNoPriorActivity()
                .when(new AnchorChains(LOG, 1, ROOT_1, 3, 40))
                .expectEvents(new ChainsAnchored(LOG, 1, ROOT_1, 3, 40))
                .expectResultMessagePayload(new AnchorReceipt(1, ROOT_1, false));
    }

    @Test
    void theNextAnchorFollowsTheLast() {
        fixture.given(new ChainsAnchored(LOG, 1, ROOT_1, 3, 40))
                .when(new AnchorChains(LOG, 2, ROOT_2, 4, 55))
                .expectEvents(new ChainsAnchored(LOG, 2, ROOT_2, 4, 55))
                .expectResultMessagePayload(new AnchorReceipt(2, ROOT_2, false));
    }

    @Test
    void anIdenticalRepeatIsAnsweredAsRecorded() {
        fixture.given(new ChainsAnchored(LOG, 1, ROOT_1, 3, 40))
                .when(new AnchorChains(LOG, 1, ROOT_1, 3, 40))
                .expectNoEvents()
                .expectResultMessagePayload(new AnchorReceipt(1, ROOT_1, true));
    }

    @Test
    void aNumberAlreadyTakenWithAnotherRootIsRefused() {
        fixture.given(new ChainsAnchored(LOG, 1, ROOT_1, 3, 40))
                .when(new AnchorChains(LOG, 1, ROOT_2, 3, 41))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT,
                        "ANCHOR_OUT_OF_ORDER", "number"));
    }

    @Test
    void aGapInTheNumbersIsRefused() {
        fixture.given(new ChainsAnchored(LOG, 1, ROOT_1, 3, 40))
                .when(new AnchorChains(LOG, 3, ROOT_2, 3, 41))
                .expectNoEvents()
                .expectException(violation(LedgerRuleViolation.Kind.CONFLICT,
                        "ANCHOR_OUT_OF_ORDER", "number"));
    }

    private static Matcher<LedgerRuleViolation> violation(LedgerRuleViolation.Kind kind, String code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(LedgerRuleViolation v) {
                return v.kind() == kind && v.code().equals(code) && Objects.equals(v.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(kind + " " + code + " on " + field);
            }
        };
    }
}
