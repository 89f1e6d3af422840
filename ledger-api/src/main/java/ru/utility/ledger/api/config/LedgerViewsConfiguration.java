package ru.utility.ledger.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ru.utility.ledger.core.api.LedgerViews;
import ru.utility.ledger.core.views.CoreLedgerViews;

/** The core's read-only views for readers outside it (history, as-of balances, controllers). */
@Configuration(proxyBeanMethods = false)
public class LedgerViewsConfiguration {

    @Bean
    public LedgerViews ledgerViews() {
        return new CoreLedgerViews();
    }
}
