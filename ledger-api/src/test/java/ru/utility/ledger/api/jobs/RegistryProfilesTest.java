package ru.utility.ledger.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Profiles are checked at startup, every problem named by its property. */
class RegistryProfilesTest {

    @Test
    void theShippedProfilesAreValidWithTheDefaultFirst() {
        RegistryProfiles profiles = ShippedRegistryProfiles.load();

        assertThat(profiles.names()).containsExactly("default", "sber");
        assertThat(profiles.defaultProfile().layout().control().marker()).isEqualTo("=");
    }

    @Test
    void anOperatorAddsAProfileAndOverridesOnePropertyOfAShippedOne() {
        RegistryProfiles profiles = new RegistryProfiles(ShippedRegistryProfiles.bind(Map.of(
                "ledger.registry.profiles.sber.encoding", "windows-1251",
                "ledger.registry.profiles.vtb.separator", "|",
                "ledger.registry.profiles.vtb.columns.payment-reference", "1",
                "ledger.registry.profiles.vtb.columns.account-id", "2",
                "ledger.registry.profiles.vtb.columns.amount", "3",
                "ledger.registry.profiles.vtb.columns.value-date", "4",
                "ledger.registry.profiles.vtb.control.required", "false")));

        assertThat(profiles.names()).containsExactly("default", "sber", "vtb");
        assertThat(profiles.find("sber").orElseThrow().layout().encoding()).isEqualTo("windows-1251");
        assertThat(profiles.find("sber").orElseThrow().layout().columns().amount()).isEqualTo(10);
        RegistryLayout vtb = profiles.find("vtb").orElseThrow().layout();
        assertThat(vtb.dateFormats()).containsExactly("dd.MM.yyyy", "yyyy-MM-dd");
        assertThat(vtb.control().present()).isFalse();
    }

    @Test
    void aBadProfileStopsTheStartNamingEachProblem() {
        assertThatThrownBy(() -> new RegistryProfiles(ShippedRegistryProfiles.bind(Map.of(
                "ledger.registry.profiles.sber.encoding", "cp9999",
                "ledger.registry.profiles.sber.separator", ";;",
                "ledger.registry.profiles.sber.columns.amount", "0",
                "ledger.registry.profiles.sber.date-formats", "dd.MM.yyyy,bb-qq",
                "ledger.registry.profiles.sber.amount.grouping-separators", ",",
                "ledger.registry.profiles.sber.control.total-column", "1"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledger.registry.profiles.sber.encoding: 'cp9999' is not a charset")
                .hasMessageContaining("ledger.registry.profiles.sber.separator: must be exactly one character")
                .hasMessageContaining("ledger.registry.profiles.sber.columns.amount: must be a column position from 1")
                .hasMessageContaining("ledger.registry.profiles.sber.date-formats: 'bb-qq' is not a date pattern")
                .hasMessageContaining("ledger.registry.profiles.sber.amount.grouping-separators: ',' is also a decimal")
                .hasMessageContaining("ledger.registry.profiles.sber.control: count-column and total-column must differ")
                .message().doesNotContain("profiles.default.");
    }

    @Test
    void theApplicationDoesNotStartWithABadProfile() {
        new ApplicationContextRunner().withUserConfiguration(ProfilesOnly.class)
                .withPropertyValues("ledger.registry.profiles.default.separator=;",
                        "ledger.registry.profiles.default.columns.payment-reference=1",
                        "ledger.registry.profiles.default.columns.account-id=2",
                        "ledger.registry.profiles.default.columns.amount=3",
                        "ledger.registry.profiles.default.columns.value-date=4",
                        "ledger.registry.profiles.default.control.required=false",
                        "ledger.registry.profiles.Bad_Name.columns.account-id=2")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("ledger.registry.profiles.Bad_Name: a profile name is 1-40 characters")
                        .hasMessageContaining("ledger.registry.profiles.Bad_Name.columns.payment-reference: must name"));
        new ApplicationContextRunner().withUserConfiguration(ProfilesOnly.class)
                .withPropertyValues("ledger.registry.profiles.sber.separator=;")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("ledger.registry.profiles.default: is missing"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RegistryProperties.class)
    @Import(RegistryProfiles.class)
    static class ProfilesOnly {
    }
}
