package ru.utility.ledger.api.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends commands with the caller's metadata. Two nodes writing one account conflict on the event table's
 * unique key; the loser is retried here against the fresh stream, where the aggregate decides again.
 */
@Component
public class LedgerCommands {

    private static final int MAX_ATTEMPTS = 5;

    private final CommandGateway gateway;

    public LedgerCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(CommandMetadata.current()));
            } catch (ConcurrencyException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
