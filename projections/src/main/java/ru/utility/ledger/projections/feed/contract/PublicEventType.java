package ru.utility.ledger.projections.feed.contract;

import java.util.function.Function;

/**
 * One published type: its external name and version, the internal event it is made from and how.
 *
 * @param name     the external type name, stable forever (consumers filter and dispatch on it)
 * @param version  bumped when the data changes incompatibly; the old version is then kept alongside
 */
public record PublicEventType<E>(String name, int version, Class<E> internalType,
                                 Function<? super E, ? extends PublicEvent> mapping) {

    public static <E> PublicEventType<E> of(String name, int version, Class<E> internalType,
                                            Function<? super E, ? extends PublicEvent> mapping) {
        return new PublicEventType<>(name, version, internalType, mapping);
    }

    PublicEvent map(Object internalEvent) {
        return mapping.apply(internalType.cast(internalEvent));
    }
}
