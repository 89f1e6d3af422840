package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.program.BudgetDrawRefused;
import ru.utility.ledger.core.api.program.BudgetDrawn;
import ru.utility.ledger.core.api.program.Eligibility;
import ru.utility.ledger.core.api.program.EnrolmentReleased;
import ru.utility.ledger.core.api.program.EnrolmentReserved;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramEvent;
import ru.utility.ledger.core.api.program.ProgramLaunched;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.core.api.program.ReliefParameters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored form of the relief programme's events (lives beside ApprovedJson, which it uses). */
class ProgramEventJsonTest {

    private static final ProgramId ID = ProgramId.of("DISABLED-COMP-50");
    private final Serializer serializer = Jackson3Serializer.builder().build();

    static List<ProgramEvent> oneOfEach() {
        return List.of(
                new ProgramLaunched(ID, "Compensation 50% for disabled people", ReliefKind.COMPENSATION,
                        LocalDate.of(2026, 1, 1), null,
                        new Eligibility(Set.of(SocialCategory.DISABLED, SocialCategory.PENSIONER),
                                Set.of(RegionCode.of("77"), RegionCode.of("50"))),
                        new ReliefParameters(new BigDecimal("50"), null, null, null, null, null), Money.parse("5000000.00")),
                new ProgramClosed(ID, LocalDate.of(2026, 12, 31), "Budget year ended"),
                new EnrolmentReserved(ID, ru.utility.ledger.core.api.AccountId.of("ACC-0001"), LocalDate.of(2026, 3, 2),
                        Money.parse("617.25")),
                new EnrolmentReleased(ID, ru.utility.ledger.core.api.AccountId.of("ACC-0001"), Money.parse("617.25"),
                        "account ACC-0001 holds none of [DISABLED, PENSIONER] valid on 2026-03-02"),
                new BudgetDrawn(ID, ru.utility.ledger.core.api.AccountId.of("ACC-0001"),
                        ru.utility.ledger.core.api.ChargeId.of("ENERGY-2026-10"),
                        ru.utility.ledger.core.api.PaymentId.of("DISCOUNT:DISABLED-COMP-50:ENERGY-2026-10"),
                        Money.parse("370.35"), LocalDate.of(2026, 11, 25), Money.parse("4629.65")),
                new BudgetDrawRefused(ID, ru.utility.ledger.core.api.AccountId.of("ACC-0002"),
                        ru.utility.ledger.core.api.ChargeId.of("ENERGY-2026-10"),
                        ru.utility.ledger.core.api.PaymentId.of("DISCOUNT:DISABLED-COMP-50:ENERGY-2026-10"),
                        Money.parse("370.35"), LocalDate.of(2026, 11, 25), "BUDGET_EXHAUSTED",
                        "programme DISABLED-COMP-50 has 12.00 of its budget left; the discount needs 370.35"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneOfEach")
    void theJsonFormIsApprovedAndReadsBack(ProgramEvent event) {
        SerializedObject<String> serialized = serializer.serialize(event, String.class);

        ApprovedJson.verify(event.getClass().getSimpleName(), serialized.getData());
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(event);
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void everyEventTypeIsCovered() {
        assertThat(oneOfEach()).map(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(ProgramEvent.class.getPermittedSubclasses()));
    }
}
