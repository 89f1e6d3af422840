package ru.utility.ledger.api.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.PersonalData;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;

/**
 * The stored form of the events with personal data (revision 2), approved; the way back through the upcasters;
 * and revision 1 (clear text) read through the legacy upcaster, before and after erasure. The ciphertext in the
 * approved form is computed here with the JDK's AES/GCM directly, not with the code under test.
 */
class SealedEventJsonTest {

    private static final String ACCOUNT = "ACC-0001";
    private static final byte[] DATA_KEY = filled(32, 0x11);
    private static final byte[] NONCE = filled(12, 0x22);
    private static final AccountOpened OPENED = new AccountOpened(AccountId.of(ACCOUNT), "Ivanova Maria",
            RegionCode.of("77"), LocalDate.of(2026, 2, 3));
    private static final SocialCategoryGranted GRANTED = new SocialCategoryGranted(AccountId.of(ACCOUNT),
            SocialCategory.DISABLED, LocalDate.of(2026, 3, 1), null, "Disability certificate MSE 77-123");

    private static final SocialCategoryRevoked REVOKED = new SocialCategoryRevoked(AccountId.of(ACCOUNT),
            SocialCategory.DISABLED, LocalDate.of(2026, 9, 1), "Certificate withdrawn");

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
    private final FixedNonceCipher cipher = new FixedNonceCipher();
    private final InMemoryKeys keys = new InMemoryKeys(cipher);
    private final SealingEventSerializer sealing = new SealingEventSerializer(serializer, keys, cipher);
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new LegacyPersonalDataUpcaster(),
            new PersonalDataOpeningUpcaster(keys, cipher));

    @Test
    void accountOpenedIsStoredWithTheNameSealed() throws Exception {
        String json = sealing.serialize(OPENED, String.class).getData();

        assertThat(json).isEqualTo("""
                {"accountId":"ACC-0001","holderName":{"keyVersion":1,"nonce":"IiIiIiIiIiIiIiIi","ciphertext":"%s"},\
                "regionCode":"77","openedOn":"2026-02-03"}""".formatted(jdkSeal("Ivanova Maria", "ACC-0001/holderName")));
        assertThat(json).doesNotContain("Ivanova");
        assertThat(sealing.serialize(OPENED, String.class).getType().getRevision()).isEqualTo("2");
    }

    @Test
    void socialCategoryGrantedIsStoredWithTheCategoryAndDocumentSealed() throws Exception {
        String json = sealing.serialize(GRANTED, String.class).getData();

        assertThat(json).isEqualTo("""
                {"accountId":"ACC-0001","category":{"keyVersion":1,"nonce":"IiIiIiIiIiIiIiIi","ciphertext":"%s"},\
                "validFrom":"2026-03-01","validTo":null,\
                "documentReference":{"keyVersion":1,"nonce":"IiIiIiIiIiIiIiIi","ciphertext":"%s"}}"""
                .formatted(jdkSeal("DISABLED", "ACC-0001/category"),
                        jdkSeal("Disability certificate MSE 77-123", "ACC-0001/documentReference")));
        assertThat(json).doesNotContain("MSE").doesNotContain("DISABLED");
    }

    @Test
    void socialCategoryRevokedIsStoredWithTheCategorySealed() throws Exception {
        String json = sealing.serialize(REVOKED, String.class).getData();

        assertThat(json).isEqualTo("""
                {"accountId":"ACC-0001","category":{"keyVersion":1,"nonce":"IiIiIiIiIiIiIiIi","ciphertext":"%s"},\
                "revokedOn":"2026-09-01","reason":"Certificate withdrawn"}"""
                .formatted(jdkSeal("DISABLED", "ACC-0001/category")));
    }

    @Test
    void readersGetTheClearValuesBackAndErasedOnceTheKeyIsGone() {
        byte[] opened = sealing.serialize(OPENED, byte[].class).getData();
        byte[] granted = sealing.serialize(GRANTED, byte[].class).getData();
        byte[] revoked = sealing.serialize(REVOKED, byte[].class).getData();

        assertThat(read(opened, AccountOpened.class, "2")).isEqualTo(OPENED);
        assertThat(read(granted, SocialCategoryGranted.class, "2")).isEqualTo(GRANTED);
        assertThat(read(revoked, SocialCategoryRevoked.class, "2")).isEqualTo(REVOKED);

        keys.erase(ACCOUNT);

        assertThat(read(opened, AccountOpened.class, "2").holderName()).isEqualTo(PersonalData.ERASED);
        SocialCategoryGranted erasedGrant = read(granted, SocialCategoryGranted.class, "2");
        assertThat(erasedGrant.documentReference()).isEqualTo(PersonalData.ERASED);
        // An enum has no "[erased]": the category reads as null, and a grant without one never applies.
        assertThat(erasedGrant.category()).isNull();
        assertThat(erasedGrant.validFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(read(revoked, SocialCategoryRevoked.class, "2").category()).isNull();
    }

    @Test
    void revisionOneIsReadAsLegacyClearTextUntilTheAccountIsErased() {
        byte[] opened = """
                {"accountId":"ACC-0001","holderName":"Ivanova Maria","regionCode":"77","openedOn":"2026-02-03"}"""
                .getBytes(StandardCharsets.UTF_8);
        byte[] granted = """
                {"accountId":"ACC-0001","category":"DISABLED","validFrom":"2026-03-01","validTo":null,\
                "documentReference":"Disability certificate MSE 77-123"}""".getBytes(StandardCharsets.UTF_8);

        assertThat(read(opened, AccountOpened.class, "1")).isEqualTo(OPENED);
        assertThat(read(granted, SocialCategoryGranted.class, "1")).isEqualTo(GRANTED);

        // An account from before sealing has no data key; erasure leaves the mark all the same.
        keys.erase(ACCOUNT);

        assertThat(read(opened, AccountOpened.class, "1").holderName()).isEqualTo(PersonalData.ERASED);
        assertThat(read(granted, SocialCategoryGranted.class, "1").documentReference()).isEqualTo(PersonalData.ERASED);
        assertThat(read(granted, SocialCategoryGranted.class, "1").category()).isNull();
    }

    @Test
    void aForgedCiphertextReadsAsErasedInsteadOfFailing() {
        tools.jackson.databind.node.ObjectNode payload = (tools.jackson.databind.node.ObjectNode)
                tools.jackson.databind.json.JsonMapper.builder().build()
                        .readTree(sealing.serialize(OPENED, byte[].class).getData());
        tools.jackson.databind.node.ObjectNode name = (tools.jackson.databind.node.ObjectNode) payload.get("holderName");
        byte[] ciphertext = Base64.getDecoder().decode(name.get("ciphertext").asString());
        ciphertext[0] ^= 1;
        name.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));

        assertThat(read(payload.toString().getBytes(StandardCharsets.UTF_8), AccountOpened.class, "2").holderName())
                .isEqualTo(PersonalData.ERASED);
    }

    @Test
    void otherEventsPassThroughUnchanged() {
        Object event = new ru.utility.ledger.core.api.account.AccountClosed(AccountId.of(ACCOUNT), LocalDate.of(2026, 11, 1));

        assertThat(sealing.serialize(event, String.class).getData())
                .isEqualTo(serializer.serialize(event, String.class).getData());
    }

    private <T> T read(byte[] payload, Class<T> type, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Account", ACCOUNT, 0, "event-1",
                Instant.parse("2026-02-03T07:00:00Z"), type.getName(), revision, payload,
                "{}".getBytes(StandardCharsets.UTF_8));
        IntermediateEventRepresentation upcasted = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).findFirst().orElseThrow();
        SerializedObject<byte[]> data = upcasted.getData(byte[].class);
        return type.cast(serializer.deserialize(new SimpleSerializedObject<>(data.getData(), byte[].class,
                upcasted.getType())));
    }

    private static String jdkSeal(String clear, String associatedData) throws Exception {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(DATA_KEY, "AES"), new GCMParameterSpec(128, NONCE));
        aes.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(aes.doFinal(clear.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** The cipher with a known nonce, so the stored form can be approved byte for byte. */
    private static final class FixedNonceCipher extends PersonalDataCipher {

        FixedNonceCipher() {
            super(new SecureRandom());
        }

        @Override
        protected byte[] nonce() {
            return NONCE.clone();
        }
    }

    /** The key table in memory: one known data key per account until erased. */
    private static final class InMemoryKeys extends PersonalDataKeys {

        private final Map<String, KeyState> rows = new HashMap<>();

        InMemoryKeys(PersonalDataCipher cipher) {
            super(null, cipher, MasterKey.fromBase64(Base64.getEncoder().encodeToString(filled(32, 0x33))),
                    Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC));
        }

        @Override
        public DataKey forSealing(String accountId) {
            KeyState state = rows.computeIfAbsent(accountId, id -> new KeyState(false, KEY_VERSION, DATA_KEY));
            return new DataKey(state.keyVersion(), state.dataKey());
        }

        @Override
        public KeyState find(String accountId) {
            return rows.getOrDefault(accountId, KeyState.NONE);
        }

        @Override
        public void erase(String accountId) {
            rows.put(accountId, KeyState.ERASED);
        }
    }
}
