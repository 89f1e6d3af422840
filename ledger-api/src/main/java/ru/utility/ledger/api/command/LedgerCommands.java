package ru.utility.ledger.api.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import ru.utility.ledger.api.command.CommandRetry;

/**
 * Sends commands with the caller's metadata. Two nodes writing one account conflict on the event table's
 * unique key; the loser is retried against the fresh stream, where the aggregate decides again
 * ({@link CommandRetry}: back-off with jitter).
 */
@Component
public class LedgerCommands {

    private final CommandGateway gateway;
    private final CommandRetry retry;

    public LedgerCommands(CommandGateway gateway, CommandRetry retry) {
        this.gateway = gateway;
        this.retry = retry;
    }

    public <R> R send(Object command) {
        return retry.onConflict(() -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CommandMetadata.current())));
    }
}
