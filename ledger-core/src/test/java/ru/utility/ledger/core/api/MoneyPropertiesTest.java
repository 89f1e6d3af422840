package ru.utility.ledger.core.api;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.utility.ledger.core.testing.Samples.forAll;
import static ru.utility.ledger.core.testing.Samples.forAllPairs;
import static ru.utility.ledger.core.testing.Samples.longs;
import static ru.utility.ledger.core.testing.Samples.longsBetween;

/** Algebraic properties of Money over boundary values and seeded random amounts. */
class MoneyPropertiesTest {

    /** Sums a ledger really holds: far from the long range, so plus and minus never overflow. */
    private static final long[] LEDGER_AMOUNTS = longsBetween(-1_000_000_000_000_000L, 1_000_000_000_000_000L);

    @Test
    void parsingThePrintedFormGivesTheSameAmount() {
        forAll(longs(), k -> {
            Money money = Money.ofKopecks(k);
            assertThat(Money.parse(money.toDecimalString())).isEqualTo(money);
            assertThat(Money.of(money.toString())).isEqualTo(money);
        });
    }

    @Test
    void minusUndoesPlus() {
        forAllPairs(LEDGER_AMOUNTS, (a, b) ->
                assertThat(Money.ofKopecks(a).plus(Money.ofKopecks(b)).minus(Money.ofKopecks(b)))
                        .isEqualTo(Money.ofKopecks(a)));
    }

    @Test
    void plusIsCommutative() {
        forAllPairs(LEDGER_AMOUNTS, (a, b) ->
                assertThat(Money.ofKopecks(a).plus(Money.ofKopecks(b)))
                        .isEqualTo(Money.ofKopecks(b).plus(Money.ofKopecks(a))));
    }

    @Test
    void plusIsExactOrThrowsInsteadOfWrapping() {
        forAllPairs(longs(), (a, b) -> {
            BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
            expectExactOrOverflow(exact, () -> Money.ofKopecks(a).plus(Money.ofKopecks(b)));
        });
    }

    @Test
    void minusIsExactOrThrowsInsteadOfWrapping() {
        forAllPairs(longs(), (a, b) -> {
            BigInteger exact = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
            expectExactOrOverflow(exact, () -> Money.ofKopecks(a).minus(Money.ofKopecks(b)));
        });
    }

    @Test
    void anyPositiveStepPastTheLimitOverflows() {
        forAll(longsBetween(1, Long.MAX_VALUE), k -> {
            assertThatThrownBy(() -> Money.ofKopecks(Long.MAX_VALUE).plus(Money.ofKopecks(k)))
                    .isInstanceOf(ArithmeticException.class).hasMessage("money overflow");
            assertThatThrownBy(() -> Money.ofKopecks(Long.MIN_VALUE).minus(Money.ofKopecks(k)))
                    .isInstanceOf(ArithmeticException.class).hasMessage("money overflow");
        });
    }

    @Test
    void negateIsExactOrThrows() {
        forAll(longs(), k -> {
            if (k == Long.MIN_VALUE) {
                assertThatThrownBy(() -> Money.ofKopecks(k).negate()).hasMessage("money overflow");
            } else {
                assertThat(Money.ofKopecks(k).negate().negate()).isEqualTo(Money.ofKopecks(k));
                assertThat(Money.ofKopecks(k).plus(Money.ofKopecks(k).negate()).isZero()).isTrue();
            }
        });
    }

    @Test
    void orderFollowsKopecks() {
        forAllPairs(longs(), (a, b) ->
                assertThat(Integer.signum(Money.ofKopecks(a).compareTo(Money.ofKopecks(b))))
                        .isEqualTo(Integer.signum(Long.compare(a, b))));
    }

    private static void expectExactOrOverflow(BigInteger exact, Supplier<Money> operation) {
        if (exact.bitLength() < Long.SIZE) {
            assertThat(operation.get()).isEqualTo(Money.ofKopecks(exact.longValueExact()));
        } else {
            assertThatThrownBy(operation::get).isInstanceOf(ArithmeticException.class).hasMessage("money overflow");
        }
    }
}
