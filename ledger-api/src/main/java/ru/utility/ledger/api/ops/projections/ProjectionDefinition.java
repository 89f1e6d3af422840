package ru.utility.ledger.api.ops.projections;

import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection the operations endpoints know: its processing group (its processor: ProjectionProcessors), the
 * tables it owns with their key columns, and how to make a fresh handler instance over a JdbcTemplate
 * (the replay-equals-live check runs that instance against shadow tables).
 */
public record ProjectionDefinition(String name, List<Table> tables, Function<JdbcTemplate, Object> handlerFactory) {

    public record Table(String name, List<String> keyColumns) {
    }
}
