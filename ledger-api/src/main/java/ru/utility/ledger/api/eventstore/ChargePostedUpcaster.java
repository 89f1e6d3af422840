package ru.utility.ledger.api.eventstore;

import java.time.LocalDate;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import tools.jackson.databind.node.ObjectNode;

import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.account.ChargePosted;

/**
 * Revision 1 of {@link ChargePosted} had no {@code postedOn}: the ledger treated a charge as posted on the
 * Moscow date of the instant it was recorded, so that is the date the upcaster fills in. The stored row is
 * never rewritten (the table is append-only and its hash chain covers the stored bytes); readers see
 * revision 2.
 */
public class ChargePostedUpcaster extends SingleEventUpcaster {

    static final String TYPE = ChargePosted.class.getName();
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        LocalDate postedOn = LocalDate.ofInstant(representation.getTimestamp(), LedgerTime.BUSINESS_ZONE);
        return representation.upcastPayload(REVISION_2, ObjectNode.class,
                payload -> payload.put("postedOn", postedOn.toString()));
    }
}
