package ru.utility.ledger.api.personaldata;

import java.util.List;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 of the events in {@link PersonalDataFields} stored their personal fields in clear text. Those rows
 * cannot be sealed afterwards (the table is append-only and its hash chain covers the stored bytes), so this
 * upcaster brings them to revision 2 with each such field as {@code {"legacy":"<clear text>"}}: personal data
 * still, which {@link PersonalDataOpeningUpcaster} hides once the account is erased. The clear bytes stay in the
 * store until an archival rewrite of the chains (docs/operating/data-protection.md).
 */
public class LegacyPersonalDataUpcaster extends SingleEventUpcaster {

    static final String LEGACY = "legacy";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return PersonalDataFields.CLEAR_REVISION.equals(representation.getType().getRevision())
                && PersonalDataFields.BY_TYPE.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        List<String> fields = PersonalDataFields.BY_TYPE.get(type);
        return representation.upcastPayload(new SimpleSerializedType(type, PersonalDataFields.SEALED_REVISION),
                ObjectNode.class, payload -> {
                    for (String field : fields) {
                        JsonNode value = payload.get(field);
                        if (value != null && value.isString()) {
                            payload.putObject(field).put(LEGACY, value.asString());
                        }
                    }
                    return payload;
                });
    }
}
