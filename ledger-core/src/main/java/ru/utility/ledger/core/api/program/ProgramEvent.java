package ru.utility.ledger.core.api.program;

import ru.utility.ledger.core.api.ProgramId;

/** Facts about one relief programme. Events never validate (see AccountEvent). */
public sealed interface ProgramEvent permits ProgramLaunched, ProgramClosed, EnrolmentReserved, EnrolmentReleased,
        BudgetDrawn, BudgetDrawRefused {

    ProgramId programId();
}
