package ru.utility.ledger.core.api.program;

import ru.utility.ledger.core.api.ProgramId;

public sealed interface ProgramCommand permits LaunchProgram, CloseProgram, ReserveEnrolment, ReleaseEnrolment,
        DrawBudget {

    ProgramId programId();
}
