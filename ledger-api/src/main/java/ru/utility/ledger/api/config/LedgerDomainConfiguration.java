package ru.utility.ledger.api.config;

import java.time.Clock;

import java.util.Objects;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.Aggregate;
import org.springframework.beans.factory.ObjectProvider;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.utility.ledger.api.jobs.AccountDecisions;
import ru.utility.ledger.api.command.CommandMetadata;
import ru.utility.ledger.core.account.Account;
import ru.utility.ledger.core.anchor.AnchorLog;
import ru.utility.ledger.core.program.ReliefProgram;
import ru.utility.ledger.core.rules.DueDateRules;

/** Registers the aggregates with Axon and provides the resources their command handlers take. */
@Configuration(proxyBeanMethods = false)
public class LedgerDomainConfiguration {

    /**
     * The ledger's one clock: the machine's, or one started at ledger.clock.start and running on (tests and
     * demos at another date). Axon stamps events with it too, so business dates and recorded instants agree.
     */
    @Bean
    public Clock clock(@Value("${ledger.clock.start:}") String start) {
        return LedgerClock.installInAxon(LedgerClock.startingAt(start));
    }

    @Bean
    public DueDateRules dueDateRules(LedgerRulesProperties rules) {
        return rules.toDueDateRules();
    }

    /**
     * Keeps the most recently used accounts in memory (ledger.aggregate-cache.size), so a command does not
     * re-read the account's whole stream; see BoundedAggregateCache for why not Axon's weak cache, and
     * StreamCheckedRepository for why a cached account is checked against the store (other nodes write too).
     */
    @Bean
    public BoundedAggregateCache accountCache(@Value("${ledger.aggregate-cache.size:100000}") int size) {
        return new BoundedAggregateCache(size);
    }

    /** ledger.aggregate-cache.enabled=false gives Axon's plain repository (the benchmark's peer uses it). */
    @Bean
    public ConfigurerModule accountAggregate(Cache accountCache,
                                             @Value("${ledger.aggregate-cache.enabled:true}") boolean cached) {
        AggregateConfigurer<Account> account = AggregateConfigurer.defaultConfiguration(Account.class);
        if (cached) {
            account.configureRepository(c -> StreamCheckedRepository.of(Account.class, account, c, accountCache));
        }
        return configurer -> configurer.configureAggregate(account);
    }

    /**
     * Cached like the accounts: a budgeted DISCOUNT programme takes one draw per discounted charge, and
     * re-reading its whole stream for each draw would make a billing run quadratic in its draws.
     */
    @Bean
    public ConfigurerModule reliefProgramAggregate(Cache accountCache,
                                                   @Value("${ledger.aggregate-cache.enabled:true}") boolean cached) {
        AggregateConfigurer<ReliefProgram> program = AggregateConfigurer.defaultConfiguration(ReliefProgram.class);
        if (cached) {
            program.configureRepository(c -> StreamCheckedRepository.of(ReliefProgram.class, program, c,
                    accountCache));
        }
        return configurer -> configurer.configureAggregate(program);
    }

    /** The log of chain anchors (ChainAnchoring); one small stream, read whole for each anchor, so not cached. */
    @Bean
    public ConfigurerModule anchorLogAggregate() {
        return configurer -> configurer.configureAggregate(AnchorLog.class);
    }

    /** Copies who/why from each command onto the events it produces (replaces Axon's MessageOriginProvider). */
    @Bean
    public CorrelationDataProvider ledgerCorrelationData() {
        return new SimpleCorrelationDataProvider(
                CommandMetadata.ACTOR, CommandMetadata.CORRELATION_ID, CommandMetadata.REQUEST_ID);
    }

    /**
     * The bulk path's decisions: the account is loaded through Axon's own repository (its per-account lock,
     * the aggregate cache, the event store) and its command handler runs directly, so a bulk line is decided
     * by exactly the code that decides a single command. The events join the caller's unit of work.
     */
    @Bean
    public AccountDecisions accountDecisions(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return command -> {
            String accountId = command.accountId().value();
            Aggregate<Account> account = axon.getObject().repository(Account.class).load(accountId);
            Long before = account.version();
            try {
                return account.handle(GenericCommandMessage.asCommandMessage(command));
            } catch (Exception e) {
                if (!Objects.equals(before, account.version())) {
                    throw new AccountDecisions.PartialDecisionException(accountId, e);
                }
                throw e;
            }
        };
    }
}
