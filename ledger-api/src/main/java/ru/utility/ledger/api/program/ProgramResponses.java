package ru.utility.ledger.api.program;

import ru.utility.ledger.core.api.program.ProgramReceipt;

/** Response bodies of the programme endpoints ({@link ProgramController}). */
public final class ProgramResponses {

    private ProgramResponses() {
    }

    /** The programme as recorded and, for a moratorium, its window as the penalty rules see it. */
    public record ProgramView(@com.fasterxml.jackson.annotation.JsonUnwrapped ProgramReceipt programme,
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              ru.utility.ledger.core.api.penalty.Moratorium moratorium) {
    }
}
