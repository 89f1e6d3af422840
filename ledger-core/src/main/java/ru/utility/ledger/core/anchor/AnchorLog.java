package ru.utility.ledger.core.anchor;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;

import ru.utility.ledger.core.api.AnchorLogId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.anchor.AnchorChains;
import ru.utility.ledger.core.api.anchor.AnchorReceipt;
import ru.utility.ledger.core.api.anchor.ChainsAnchored;

/**
 * The log of chain anchors: numbered checkpoints, each following the one before. Two nodes anchoring at once
 * both propose the next number; the second finds it taken (a conflict, or an identical repeat answered as one).
 */
@AggregateRoot
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class AnchorLog {

    @AggregateIdentifier
    private AnchorLogId id;
    private long lastNumber;
    private String lastRoot;

    protected AnchorLog() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AnchorReceipt handle(AnchorChains command) {
        if (command.number() == lastNumber && command.merkleRoot().equals(lastRoot)) {
            return new AnchorReceipt(lastNumber, lastRoot, true);
        }
        if (command.number() != lastNumber + 1) {
            throw new LedgerRuleViolation(RuleViolationCode.ANCHOR_OUT_OF_ORDER, "number",
                    "anchor " + command.number() + " does not follow anchor " + lastNumber);
        }
        apply(new ChainsAnchored(command.logId(), command.number(), command.merkleRoot(), command.chains(),
                command.upToGlobalIndex()));
        return new AnchorReceipt(command.number(), command.merkleRoot(), false);
    }

    @EventSourcingHandler
    void on(ChainsAnchored event) {
        id = event.logId();
        lastNumber = event.number();
        lastRoot = event.merkleRoot();
    }
}
