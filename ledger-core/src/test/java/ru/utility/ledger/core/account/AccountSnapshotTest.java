package ru.utility.ledger.core.account;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import ru.utility.ledger.core.api.account.AccountEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.utility.ledger.core.account.AccountFixtures.octoberCharged;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaid;
import static ru.utility.ledger.core.account.AccountFixtures.octoberPaymentAllocated;
import static ru.utility.ledger.core.account.AccountFixtures.opened;
import static ru.utility.ledger.core.account.AccountFixtures.paymentReversed;

/** Snapshots are written with the event serializer, so the aggregate must survive a Jackson round trip. */
class AccountSnapshotTest {

    @Test
    void anAccountSurvivesAJacksonRoundTrip() {
        Account account = new Account();
        for (AccountEvent event : new AccountEvent[] {opened(), octoberCharged(), octoberPaid(),
                octoberPaymentAllocated(), paymentReversed()}) {
            account.on(event);
        }
        Jackson3Serializer serializer = Jackson3Serializer.builder().build();

        SerializedObject<String> snapshot = serializer.serialize(account, String.class);
        Account restored = serializer.deserialize(snapshot);

        assertThat(restored).usingRecursiveComparison().isEqualTo(account);
        assertThat(snapshot.getData()).contains("\"ENERGY-2026-10\"", "\"1234.50\"", "\"2026-11-16\"", "\"bank recall\"");
    }
}
