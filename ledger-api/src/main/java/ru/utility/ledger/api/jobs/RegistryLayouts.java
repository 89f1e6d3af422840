package ru.utility.ledger.api.jobs;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A job keeps the layout it was uploaded with (bulk_job.registry_layout, JSON): its pending lines are parsed
 * again when the worker reaches them, maybe after a restart with a changed profile, and must read the same.
 */
@Component
class RegistryLayouts {

    private final JsonMapper json = JsonMapper.builder().build();
    private final RegistryProfiles profiles;

    RegistryLayouts(RegistryProfiles profiles) {
        this.profiles = profiles;
    }

    RegistryProfile defaultProfile() {
        return profiles.defaultProfile();
    }

    String write(RegistryLayout layout) {
        return json.writeValueAsString(layout);
    }

    /** The format of a stored registry job; jobs stored before profiles existed were in the default layout. */
    PaymentRegistryFormat format(String profile, String layout) {
        if (layout == null) {
            return new PaymentRegistryFormat(profiles.defaultProfile());
        }
        return new PaymentRegistryFormat(new RegistryProfile(profile, json.readValue(layout, RegistryLayout.class)));
    }
}
