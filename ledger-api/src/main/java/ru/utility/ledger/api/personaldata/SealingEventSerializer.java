package ru.utility.ledger.api.personaldata;

import java.util.List;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event store's serializer: the application's serializer, with the personal fields of the events listed in
 * {@link PersonalDataFields} replaced by {@link SealedText} under the account's data key before the payload is
 * stored (and hashed into the chain). Reading goes the other way in {@link PersonalDataOpeningUpcaster}. Events
 * in memory, and everything published from them, hold the clear values; only the stored bytes are sealed.
 */
public class SealingEventSerializer implements Serializer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Serializer delegate;
    private final PersonalDataKeys keys;
    private final PersonalDataCipher cipher;

    public SealingEventSerializer(Serializer delegate, PersonalDataKeys keys, PersonalDataCipher cipher) {
        this.delegate = delegate;
        this.keys = keys;
        this.cipher = cipher;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        List<String> fields = object == null ? null : PersonalDataFields.BY_TYPE.get(object.getClass().getName());
        if (fields == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<byte[]> clear = delegate.serialize(object, byte[].class);
        ObjectNode payload = (ObjectNode) JSON.readTree(clear.getData());
        String accountId = payload.get("accountId").asString();
        PersonalDataKeys.DataKey key = null;
        for (String field : fields) {
            JsonNode value = payload.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (key == null) {
                key = keys.forSealing(accountId);
            }
            payload.set(field, cipher.seal(key.key(), key.version(), value.asString(),
                    PersonalDataFields.associatedData(accountId, field)).toJson());
        }
        SerializedObject<byte[]> sealed = new SimpleSerializedObject<>(JSON.writeValueAsBytes(payload), byte[].class,
                clear.getType());
        return getConverter().convert(sealed, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return delegate.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
