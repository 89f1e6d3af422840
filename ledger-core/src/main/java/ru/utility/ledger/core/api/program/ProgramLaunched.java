package ru.utility.ledger.core.api.program;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

@Revision("1")
public record ProgramLaunched(ProgramId programId, String name, ReliefKind kind, LocalDate activeFrom,
                              LocalDate activeTo, Eligibility eligibility, ReliefParameters parameters, Money budget)
        implements ProgramEvent {
}
