package ru.utility.ledger.api.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import ru.utility.ledger.api.command.AccountRuns;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.account.PenaltyReceipt;
import ru.utility.ledger.core.api.debt.AccountDebts;
import ru.utility.ledger.core.api.penalty.AppliedRate;
import ru.utility.ledger.core.api.penalty.BandSegment;
import ru.utility.ledger.core.api.penalty.ChargePenalty;
import ru.utility.ledger.core.api.penalty.PartPenalty;
import ru.utility.ledger.core.api.penalty.PenaltyStatement;

/** Response bodies of the penalty endpoints ({@link PenaltyController}). Exact fractions travel as decimal strings. */
public final class PenaltyResponses {

    private PenaltyResponses() {
    }

    /**
     * The penalty owed on a date, charge by charge, part by part and band by band.
     *
     * @param accrued       penalties already posted by runs
     * @param unposted      owed − accrued: what a penalty run for {@code asOf} would post now (after an amnesty
     *                      write-off, never less than written off + paid, so written-off penalty is not re-posted)
     * @param writtenOff    penalties written off by amnesty programmes
     */
    /**
     * @param dueDateShifts charges whose due date a deferral moved, with why: a charge covered by a running
     *                      deferral is absent from {@code charges} because nothing accrues for it
     */
    public record PenaltyResponse(AccountId accountId, LocalDate asOf, Money owed, Money accrued,
                                  LocalDate lastAccruedAsOf, Money unposted, List<Charge> charges, Money writtenOff,
                                  List<ShiftedCharge> dueDateShifts) {

        public record ShiftedCharge(ChargeId chargeId, LocalDate billedDueDate, LocalDate dueDate,
                                    LocalDate accruesFrom, List<Shift> shifts) {
        }

        /** From {@code from} the charge fell due on {@code dueDate} because of {@code reason}. */
        public record Shift(LocalDate from, LocalDate dueDate, String reason) {
        }

        @Schema(name = "PenaltyCharge")
        public record Charge(ChargeId chargeId, BillingPeriod billingPeriod, Money amount, LocalDate dueDate,
                             String exact, Money penalty, List<Part> parts) {
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Part(Money amount, LocalDate paidOn, LocalDate accruesThrough, int overdueDays, Rate rate,
                           String exact, List<Band> bands) {
        }

        public record Rate(LocalDate rateDay, String percent, String rule, String source) {
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Band(LocalDate from, LocalDate through, int fromDay, int throughDay, int days, String fraction,
                           String bandSource, String moratorium, String amount) {
        }

        static PenaltyResponse of(AccountId accountId, PenaltyStatement statement, AccountDebts debts) {
            Money accrued = debts.penaltiesAccrued();
            return new PenaltyResponse(accountId, statement.asOf(), statement.total(), accrued,
                    debts.penaltiesAccruedAsOf(), debts.penaltyToAccrue(statement.total()).minus(accrued),
                    statement.charges().stream().map(PenaltyResponse::charge).toList(), debts.penaltiesWrittenOff(),
                    debts.penaltyTimeline().stream().filter(d -> !d.shifts().isEmpty())
                            .map(d -> new ShiftedCharge(d.chargeId(), d.dueDate(), d.effectiveDueDate(),
                                    d.effectiveDueDate().plusDays(1), d.shifts().stream()
                                    .map(x -> new Shift(x.from(), x.dueDate(), x.reference())).toList()))
                            .toList());
        }

        private static Charge charge(ChargePenalty c) {
            return new Charge(c.chargeId(), c.billingPeriod(), c.amount(), c.dueDate(), plain(c.exact()), c.penalty(),
                    c.parts().stream().map(PenaltyResponse::part).toList());
        }

        private static Part part(PartPenalty p) {
            AppliedRate r = p.rate();
            return new Part(p.amount(), p.paidOn(), p.accruesThrough(), p.overdueDays(),
                    r == null ? null : new Rate(r.rateDay(), plain(r.percent()), r.rule(), r.source()),
                    plain(p.exact()), p.segments().stream().map(PenaltyResponse::band).toList());
        }

        private static Band band(BandSegment s) {
            return new Band(s.from(), s.through(), s.fromDay(), s.throughDay(), s.days(), s.fraction(), s.bandSource(),
                    s.moratorium(), plain(s.amount()));
        }

        private static String plain(BigDecimal value) {
            return value.toPlainString();
        }
    }

    public record PenaltyAccrualResponse(AccountId accountId, LocalDate asOf, Money owed, Money posted,
                                         Money totalAccrued) {

        static PenaltyAccrualResponse of(PenaltyReceipt r) {
            return new PenaltyAccrualResponse(r.accountId(), r.asOf(), r.owed(), r.posted(), r.totalAccrued());
        }
    }

    /**
     * @param failures accounts the run could not accrue, each with the rule that stopped it; the others
     *                 were accrued regardless
     */
    public record PenaltyRunResponse(LocalDate asOf, int accounts, int accountsPosted, Money totalPosted,
                                     List<AccountRuns.Refusal> failures) {
    }
}
