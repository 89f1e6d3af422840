package ru.utility.ledger.core.account;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.DeferralId;
import ru.utility.ledger.core.api.account.AccountEvent;
import ru.utility.ledger.core.api.account.DeferralEndedEarly;
import ru.utility.ledger.core.api.account.InstallmentMissed;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.opened;

/** An account with a deferral and an installment plan survives the snapshot round trip. */
class ReliefSnapshotTest {

    @Test
    void deferralsAndPlansSurviveAJacksonRoundTrip() {
        Account account = new Account();
        for (AccountEvent event : new AccountEvent[] {opened(), octoberCharged(), DeferralTest.ENROLLED,
                DeferralTest.GRANTED, new DeferralEndedEarly(AccountFixtures.ACCOUNT, DeferralId.of("DEF-1"),
                AccountFixtures.TODAY, "income restored", List.of()), InstallmentPlanTest.ENROLLED,
                InstallmentPlanTest.AGREED, new InstallmentMissed(AccountFixtures.ACCOUNT, InstallmentPlanTest.PLAN, 1,
                LocalDate.of(2026, 12, 20), InstallmentPlanTest.SCHEDULE.getFirst().amount(), 1)}) {
            account.on(event);
        }
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();

        SerializedObject<String> snapshot = serializer.serialize(account, String.class);
        Account restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(account);
        assertThat(snapshot.getData()).contains("\"DEF-1\"", "\"PLAN-1:4\"", "\"income restored\"");
    }
}
