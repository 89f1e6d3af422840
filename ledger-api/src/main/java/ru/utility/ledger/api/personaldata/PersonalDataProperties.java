package ru.utility.ledger.api.personaldata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param masterKey          base64 of 32 random bytes; wraps every account's data key. Required unless the ledger
 *                           runs on its embedded PostgreSQL, where one is generated and kept beside the data
 * @param jobLineRetention   how long the lines of a finished bulk job keep their raw text (payer names in bank
 *                           registries); after it the text is purged, the outcome and the amounts stay
 * @param purgeInterval      how often the purge runs (0 switches it off)
 */
@ConfigurationProperties("ledger.personal-data")
public record PersonalDataProperties(String masterKey,
                                     @DefaultValue("P90D") Duration jobLineRetention,
                                     @DefaultValue("1h") Duration purgeInterval) {
}
