package ru.utility.ledger.api.config;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * A projection replay stores Axon's {@code ReplayToken}, whose reset context is typed by class name. Jackson 3
 * refuses class-name typing under {@code Object} by default, which would put the replaying processor in error
 * on its next token read. Class names are allowed only from Axon's and the ledger's packages (token rows are
 * written by the ledger itself). Events do not use polymorphic typing, so this changes nothing for them.
 */
@Configuration(proxyBeanMethods = false)
public class ReplayTokenSerialization {

    @Bean
    public Jackson3SerializerCustomizer replayTokenTypeValidator() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("ru.utility.ledger.")
                .build());
    }
}
