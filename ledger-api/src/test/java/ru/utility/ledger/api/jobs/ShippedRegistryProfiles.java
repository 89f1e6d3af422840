package ru.utility.ledger.api.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The registry profiles exactly as application.yaml ships them, bound as the application binds them. */
final class ShippedRegistryProfiles {

    private ShippedRegistryProfiles() {
    }

    static RegistryProfiles load() {
        return new RegistryProfiles(bind(Map.of()));
    }

    /** The shipped configuration with some properties set on top, as an operator's configuration would. */
    static RegistryProperties bind(Map<String, Object> overrides) {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("overrides",
                overrides));
        return new Binder(ConfigurationPropertySources.get(environment))
                .bind("ledger.registry", RegistryProperties.class).get();
    }

    static PaymentRegistryFormat format(String profile) {
        return new PaymentRegistryFormat(load().find(profile).orElseThrow());
    }
}
