package ru.utility.ledger.api.ops.projections;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.utility.ledger.api.relief.ReliefEnrolmentSaga;
import ru.utility.ledger.projections.balance.BalanceProjection;
import ru.utility.ledger.projections.overdue.OverdueProjection;
import ru.utility.ledger.projections.relief.ReliefStatisticsProjection;
import ru.utility.ledger.projections.statement.StatementProjection;
import ru.utility.ledger.projections.relief.ProgrammeMoratoriumProjection;

/** Every projection with its tables. A new projection is added here to get status, replay and the check. */
@Component
public class ProjectionCatalog {

    private final List<ProjectionDefinition> projections = List.of(
            new ProjectionDefinition(BalanceProjection.PROCESSING_GROUP,
                    List.of(new ProjectionDefinition.Table("account_balance", List.of("account_id"))),
                    BalanceProjection::new),
            new ProjectionDefinition(StatementProjection.PROCESSING_GROUP,
                    List.of(new ProjectionDefinition.Table(StatementProjection.TABLE,
                                    List.of("account_id", "sequence")),
                            new ProjectionDefinition.Table(StatementProjection.PENALTY_SETTLEMENT_TABLE,
                                    List.of("account_id", "sequence"))),
                    StatementProjection::new),
            new ProjectionDefinition(OverdueProjection.PROCESSING_GROUP,
                    List.of(new ProjectionDefinition.Table(OverdueProjection.ACCOUNT_TABLE, List.of("account_id")),
                            new ProjectionDefinition.Table(OverdueProjection.CHARGE_TABLE,
                                    List.of("account_id", "charge_id")),
                            new ProjectionDefinition.Table(OverdueProjection.NOTICE_TABLE,
                                    List.of("account_id", "notice_id")),
                            new ProjectionDefinition.Table(OverdueProjection.AGREEMENT_TABLE,
                                    List.of("account_id", "plan_id"))),
                    OverdueProjection::new),
            new ProjectionDefinition(ReliefStatisticsProjection.PROCESSING_GROUP,
                    List.of(new ProjectionDefinition.Table(ReliefStatisticsProjection.ACCOUNT_TABLE, List.of("account_id")),
                            new ProjectionDefinition.Table(ReliefStatisticsProjection.CATEGORY_TABLE,
                                    List.of("account_id", "category")),
                            new ProjectionDefinition.Table(ReliefStatisticsProjection.PROGRAM_TABLE, List.of("program_id")),
                            new ProjectionDefinition.Table(ReliefStatisticsProjection.ENROLMENT_TABLE,
                                    List.of("program_id", "account_id")),
                            new ProjectionDefinition.Table(ReliefStatisticsProjection.CHARGE_TABLE,
                                    List.of("account_id", "charge_id")),
                            new ProjectionDefinition.Table(ReliefStatisticsProjection.SETTLEMENT_TABLE,
                                    List.of("account_id", "charge_id", "payment_id")),
                            new ProjectionDefinition.Table(ReliefStatisticsProjection.PAYMENT_TABLE,
                                    List.of("account_id", "payment_id")),
                            new ProjectionDefinition.Table(ReliefStatisticsProjection.ARRANGEMENT_TABLE,
                                    List.of("account_id", "arrangement_id"))),
                    ReliefStatisticsProjection::new),
            new ProjectionDefinition(ProgrammeMoratoriumProjection.PROCESSING_GROUP,
                    List.of(new ProjectionDefinition.Table(ProgrammeMoratoriumProjection.TABLE, List.of("program_id"))),
                    ProgrammeMoratoriumProjection::new));

    /**
     * Processors that are processes, not projections: their status and lag are shown with the projections,
     * but they are never replayed nor shadow-checked, because handling old events again would send their
     * commands again (a saga keeps state in the saga store, not in tables it could rebuild).
     */
    private final List<String> processes = List.of(ReliefEnrolmentSaga.PROCESSING_GROUP);

    public List<ProjectionDefinition> all() {
        return projections;
    }

    public List<String> processes() {
        return processes;
    }

    public boolean isProcess(String name) {
        return processes.contains(name);
    }

    public Optional<ProjectionDefinition> find(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
