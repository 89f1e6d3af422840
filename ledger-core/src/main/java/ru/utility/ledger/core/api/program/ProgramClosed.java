package ru.utility.ledger.core.api.program;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.ProgramId;

import java.time.LocalDate;

@Revision("1")
public record ProgramClosed(ProgramId programId, LocalDate closedOn, String reason) implements ProgramEvent {
}
