package ru.utility.ledger.api.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class MasterKeySourceTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path data;

    @Test
    void theConfiguredKeyWins() {
        MasterKey key = MasterKeySource.resolve(properties(KEY), new MockEnvironment(), new SecureRandom());

        assertThat(key.id()).isEqualTo(MasterKey.fromBase64(KEY).id()).hasSize(16);
    }

    @Test
    void withoutAKeyAnExternalDatabaseDoesNotStart() {
        assertThatThrownBy(() -> MasterKeySource.resolve(properties(null), new MockEnvironment(), new SecureRandom()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ledger.personal-data.master-key");
    }

    @Test
    void theEmbeddedDatabaseKeepsAGeneratedKeyBesideItsData() throws Exception {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("ledger.embedded-postgres.active", "true")
                .withProperty("ledger.embedded-postgres.data-directory", data.resolve("postgres").toString());

        MasterKey first = MasterKeySource.resolve(properties(""), environment, new SecureRandom());
        MasterKey second = MasterKeySource.resolve(properties(""), environment, new SecureRandom());

        Path file = data.resolve(MasterKeySource.FILE_NAME);
        assertThat(file).exists();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(MasterKey.fromBase64(Files.readString(file)).id()).isEqualTo(first.id());
    }

    @Test
    void aKeyMustBeThirtyTwoBytesOfBase64() {
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64");
    }

    private static PersonalDataProperties properties(String masterKey) {
        return new PersonalDataProperties(masterKey, Duration.ofDays(90), Duration.ofHours(1));
    }
}
