package ru.utility.ledger.api.relief;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.relief.ReliefStatisticsResponses.Group;
import ru.utility.ledger.api.relief.ReliefStatisticsResponses.ProgramStatistics;
import ru.utility.ledger.api.relief.ReliefStatisticsResponses.Summary;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.ProgramId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.program.ProgramReceipt;
import ru.utility.ledger.projections.relief.ReliefGrouping;
import ru.utility.ledger.projections.relief.ReliefStatisticsQueries;

/**
 * "Did the relief work?": per programme, optionally grouped by region, category or month of enrolment, and for
 * all programmes. Served under {@code /api/v1/relief-programs} as the issue names it; the programmes themselves
 * stay under {@code /api/v1/programmes}. Definitions: docs/reference/api.md.
 */
@RestController
@Tag(name = "Relief statistics", description = "Enrolments, relief given, money collected, cure and re-default")
public class ReliefStatisticsController {

    private final ReliefStatisticsQueries statistics;
    private final AccountHistory history;
    private final Clock clock;

    public ReliefStatisticsController(ReliefStatisticsQueries statistics, AccountHistory history, Clock clock) {
        this.statistics = statistics;
        this.history = history;
        this.clock = clock;
    }

    @GetMapping("/api/v1/relief-programs/{programId}/statistics")
    @Operation(operationId = "getProgrammeStatistics",
            summary = "A relief programme's statistics as of today", description = """
            groupBy=region|category|month (month of enrolment) adds one group per value; the total covers \
            every enrolment. 404 UNKNOWN_PROGRAM; 400 naming groupBy for another value.""")
    public ProgramStatistics programme(@PathVariable String programId,
                                       @RequestParam(required = false) String groupBy) {
        RequestFields fields = new RequestFields();
        ProgramId id = fields.required("programId", programId, ProgramId::of);
        ReliefGrouping grouping = fields.optional("groupBy", groupBy, ReliefStatisticsController::grouping);
        fields.check();
        ProgramReceipt programme = history.program(id).map(state -> state.receipt(false))
                .orElseThrow(() -> LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_PROGRAM, "programId",
                        "programme " + id.value() + " is not known"));
        LocalDate today = LedgerTime.today(clock);
        ReliefStatisticsQueries.Grouped figures = statistics.programme(id, grouping, today);
        return new ProgramStatistics(id, programme.name(), programme.kind(), today,
                grouping == null ? null : grouping.parameter(), figures.total(),
                figures.groups().entrySet().stream().map(g -> new Group(g.getKey(), g.getValue())).toList());
    }

    @GetMapping("/api/v1/relief-programs/statistics")
    @Operation(operationId = "getReliefSummary",
            summary = "Every relief programme's statistics as of today, and their total",
            description = "The total counts enrolments: an account enrolled in two programmes counts in each.")
    public Summary summary() {
        LocalDate today = LedgerTime.today(clock);
        ReliefStatisticsQueries.Summary summary = statistics.summary(today);
        return new Summary(today, summary.programs(), summary.total());
    }

    private static ReliefGrouping grouping(String raw) {
        return Arrays.stream(ReliefGrouping.values()).filter(g -> g.parameter().equals(raw)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of "
                        + Arrays.stream(ReliefGrouping.values()).map(ReliefGrouping::parameter).toList()));
    }
}
