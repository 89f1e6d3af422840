package ru.utility.ledger.api.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.account.PaymentRecorded;

/** One deserialisation per stored form, whoever reads it; anything else is the delegate's answer as before. */
class SharedDeserialisationTest {

    private final AtomicInteger deserialised = new AtomicInteger();
    private final Serializer jackson = Jackson3Serializer.builder().build();

    private final PaymentRecorded payment = new PaymentRecorded(AccountId.of("ACC-0001"), PaymentId.of("P-1"),
            Money.of("12.34"), PaymentChannel.MOBILE_APP, LocalDate.parse("2026-11-20"), BillingPeriod.of("2026-11"));

    @Test
    void readersOfTheSameBytesShareOneObject() {
        Serializer shared = new SharedDeserialisation(100).serializer(counting(jackson));
        SerializedObject<byte[]> stored = jackson.serialize(payment, byte[].class);

        // Each reader reads its own copy of the row's bytes, as each processor does.
        Object first = shared.deserialize(copy(stored));
        Object second = shared.deserialize(copy(stored));

        assertThat(first).isEqualTo(payment);
        assertThat(second).isSameAs(first);
        assertThat(deserialised).hasValue(1);
    }

    @Test
    void otherBytesOrAnotherRevisionIsAnotherForm() {
        Serializer shared = new SharedDeserialisation(100).serializer(counting(jackson));
        SerializedObject<byte[]> stored = jackson.serialize(payment, byte[].class);
        PaymentRecorded other = new PaymentRecorded(payment.accountId(), PaymentId.of("P-2"), payment.amount(),
                payment.channel(), payment.receivedOn(), payment.billingPeriod());

        Object first = shared.deserialize(copy(stored));
        Object second = shared.deserialize(jackson.serialize(other, byte[].class));
        SerializedType otherRevision = new SimpleSerializedType(stored.getType().getName(), "99");
        Object third = shared.deserialize(new SimpleSerializedObject<>(stored.getData().clone(), byte[].class,
                otherRevision));

        assertThat(second).isEqualTo(other);
        assertThat(third).isEqualTo(payment).isNotSameAs(first);
        assertThat(deserialised).hasValue(3);
    }

    @Test
    void metaDataIsSharedToo() {
        Serializer shared = new SharedDeserialisation(100).serializer(counting(jackson));
        SerializedObject<byte[]> stored = jackson.serialize(MetaData.with("actor", "operator"), byte[].class);

        MetaData first = shared.deserialize(copy(stored));
        MetaData second = shared.deserialize(copy(stored));

        assertThat(first.get("actor")).isEqualTo("operator");
        assertThat(second).isSameAs(first);
        assertThat(deserialised).hasValue(1);
    }

    @Test
    void withoutCapacityOrForAFormOtherThanBytesEveryReadDeserialises() {
        SerializedObject<byte[]> stored = jackson.serialize(payment, byte[].class);
        Serializer off = new SharedDeserialisation(0).serializer(counting(jackson));
        off.deserialize(copy(stored));
        off.deserialize(copy(stored));
        assertThat(deserialised).hasValue(2);

        Serializer shared = new SharedDeserialisation(100).serializer(counting(jackson));
        SerializedObject<String> text = new SimpleSerializedObject<>(
                new String(stored.getData(), StandardCharsets.UTF_8), String.class, stored.getType());
        Object first = shared.deserialize(text);
        Object second = shared.deserialize(text);
        assertThat(second).isEqualTo(first).isEqualTo(payment).isNotSameAs(first);
        assertThat(deserialised).hasValue(4);
    }

    @Test
    void theCacheIsBounded() {
        Serializer shared = new SharedDeserialisation(10).serializer(counting(jackson));
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 200; i++) {
                shared.deserialize(jackson.serialize(new PaymentRecorded(payment.accountId(), PaymentId.of("P-" + i),
                        payment.amount(), payment.channel(), payment.receivedOn(), payment.billingPeriod()),
                        byte[].class));
            }
        }
        // At most about ten forms are kept, so nearly all of the second round is deserialised again.
        assertThat(deserialised.get()).isGreaterThanOrEqualTo(200 + 180);
    }

    private static SerializedObject<byte[]> copy(SerializedObject<byte[]> stored) {
        return new SimpleSerializedObject<>(stored.getData().clone(), byte[].class, stored.getType());
    }

    private Serializer counting(Serializer delegate) {
        return new Serializer() {
            @Override
            public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
                return delegate.serialize(object, expectedRepresentation);
            }

            @Override
            public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
                return delegate.canSerializeTo(expectedRepresentation);
            }

            @Override
            public <S, T> T deserialize(SerializedObject<S> serializedObject) {
                deserialised.incrementAndGet();
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
            public org.axonframework.serialization.Converter getConverter() {
                return delegate.getConverter();
            }
        };
    }
}
