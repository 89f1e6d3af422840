package ru.utility.ledger.api.personaldata;

import java.security.SecureRandom;
import java.time.Clock;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Crypto-shredding of the personal data in events (docs/operating/data-protection.md). */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfiguration {

    @Bean
    MasterKey personalDataMasterKey(PersonalDataProperties properties, Environment environment) {
        return MasterKeySource.resolve(properties, environment, new SecureRandom());
    }

    @Bean
    PersonalDataCipher personalDataCipher() {
        return new PersonalDataCipher(new SecureRandom());
    }

    @Bean
    PersonalDataKeys personalDataKeys(JdbcTemplate jdbc, PersonalDataCipher cipher, MasterKey masterKey, Clock clock) {
        return new PersonalDataKeys(jdbc, cipher, masterKey, clock);
    }

    /**
     * Old clear revisions first to the legacy form, then every sealed or legacy value opened: one chain, in this
     * order, so no reader sees a stored form.
     */
    @Bean
    ConfigurerModule personalDataUpcasters(PersonalDataKeys keys, PersonalDataCipher cipher) {
        return configurer -> configurer
                .registerEventUpcaster(c -> new LegacyPersonalDataUpcaster())
                .registerEventUpcaster(c -> new PersonalDataOpeningUpcaster(keys, cipher));
    }
}
