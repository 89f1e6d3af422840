package ru.utility.ledger.api.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The configured registry profiles, checked when the application starts: a bad profile stops the start with
 * every problem named by its property, rather than refusing files later.
 */
@Component
public class RegistryProfiles {

    public static final String DEFAULT = "default";

    private final Map<String, RegistryProfile> byName = new LinkedHashMap<>();

    public RegistryProfiles(RegistryProperties properties) {
        Map<String, RegistryLayout> configured = properties.profiles() == null ? Map.of() : properties.profiles();
        List<String> problems = new ArrayList<>();
        if (!configured.containsKey(DEFAULT)) {
            problems.add("ledger.registry.profiles.default: is missing; uploads without a profile use it");
        }
        configured.keySet().stream().sorted(Comparator.comparing((String name) -> !DEFAULT.equals(name))
                .thenComparing(Comparator.naturalOrder())).forEach(name -> {
            RegistryLayout layout = configured.get(name);
            String prefix = "ledger.registry.profiles." + name;
            if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                problems.add(prefix + ": a profile name is 1-40 characters of a-z, 0-9 and '-'");
            }
            if (layout == null) {
                problems.add(prefix + ": has no properties");
                return;
            }
            layout.problems().forEach(problem -> problems.add(prefix + "." + problem));
            byName.put(name, new RegistryProfile(name, layout));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid bank registry profile configuration:\n  "
                    + String.join("\n  ", problems));
        }
    }

    public Optional<RegistryProfile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public RegistryProfile defaultProfile() {
        return byName.get(DEFAULT);
    }

    /** The default first, then by name. */
    public List<RegistryProfile> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
