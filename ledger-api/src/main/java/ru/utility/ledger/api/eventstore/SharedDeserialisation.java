package ru.utility.ledger.api.eventstore;

import java.util.Arrays;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The event store's deserialised events, shared by every reader of an event ({@link #serializer} wraps the
 * event serializer with it): each projection's processor reads the
 * stored rows on its own (always during a replay, and whenever it is behind the store's shared tail), and
 * without this each of them would turn the same bytes into the same event with Jackson. Here the first reader
 * deserialises and the others get that object.
 *
 * <p>The key is the serialised form itself (type, revision and the exact bytes, after upcasting), so a hit is
 * by construction what deserialising would have produced: an upcaster that gives other bytes (an erased
 * holder's data, a new revision) is another key. Sharing one object between threads is safe because the
 * payloads are immutable records (their collections are copied into unmodifiable ones) and {@code MetaData}
 * is immutable. Forms other than bytes (an upcaster's JSON tree) are deserialised as before. A Caffeine cache
 * bounded to {@code capacity} forms (0 turns it off), with its hits, misses and evictions in the metrics as
 * cache {@value #METRICS_NAME}.
 */
public final class SharedDeserialisation implements MeterBinder {

    public static final String METRICS_NAME = "ledger.event-store.deserialised";

    private record Form(String type, String revision, byte[] data, int hash) {

        static Form of(SerializedType type, byte[] data) {
            return new Form(type.getName(), type.getRevision(), data,
                    31 * Objects.hash(type.getName(), type.getRevision()) + Arrays.hashCode(data));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Form that && hash == that.hash && type.equals(that.type)
                    && Objects.equals(revision, that.revision) && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Cache<Form, Object> objects;
    private final boolean enabled;

    public SharedDeserialisation(int capacity) {
        this.enabled = capacity > 0;
        // Maintenance on the reading thread: bounded work per read, and no pool task outliving the application.
        this.objects = Caffeine.newBuilder().maximumSize(Math.max(0, capacity)).executor(Runnable::run)
                .recordStats().build();
    }

    /** {@code delegate} with its deserialisation of stored bytes shared through this cache. */
    public Serializer serializer(Serializer delegate) {
        return new Sharing(delegate);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, objects, METRICS_NAME);
    }

    private final class Sharing implements Serializer {

        private final Serializer delegate;

        Sharing(Serializer delegate) {
            this.delegate = delegate;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            if (!enabled || !(serializedObject.getData() instanceof byte[] bytes)) {
                return delegate.deserialize(serializedObject);
            }
            Form form = Form.of(serializedObject.getType(), bytes);
            Object known = objects.getIfPresent(form);
            if (known != null) {
                return (T) known;
            }
            T object = delegate.deserialize(serializedObject);
            if (object != null) {
                objects.put(form, object);
            }
            return object;
        }

        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            return delegate.serialize(object, expectedRepresentation);
        }

        @Override
        public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
            return delegate.canSerializeTo(expectedRepresentation);
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
}
