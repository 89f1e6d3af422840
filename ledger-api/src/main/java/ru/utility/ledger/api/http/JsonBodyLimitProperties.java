package ru.utility.ledger.api.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxJsonBody the largest request body accepted outside uploads (413 beyond it); the largest legitimate
 *                    ones are account-id lists of penalty runs and reviews (about 40,000 ids in 1 MB)
 */
@ConfigurationProperties("ledger.web")
public record JsonBodyLimitProperties(@DefaultValue("1MB") DataSize maxJsonBody) {
}
