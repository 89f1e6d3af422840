package ru.utility.ledger.api.enrolment;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.account.EnrolmentReceipt;
import ru.utility.ledger.core.api.program.ReliefKind;

/** Response bodies of the enrolment endpoints ({@link EnrolmentController}). */
public final class EnrolmentResponses {

    private EnrolmentResponses() {
    }

    public record EnrolmentResponse(AccountId accountId, ProgramId programId, ReliefKind kind, LocalDate enrolledOn,
                                    LocalDate activeTo, BigDecimal percent,
                                    @Schema(description = "Credit paid on enrolment; 0.00 unless COMPENSATION")
                                    Money compensation,
                                    @Schema(description = "First day without relief once the programme closed; null while it lasts")
                                    LocalDate endedOn,
                                    @Schema(description = "Why the enrolment ended; null while it lasts")
                                    String endReason) {

        static EnrolmentResponse of(EnrolmentReceipt r) {
            return new EnrolmentResponse(r.accountId(), r.programId(), r.kind(), r.enrolledOn(), r.activeTo(),
                    r.percent(), r.compensation(), null, null);
        }
    }
}
