package ru.utility.ledger.api.personaldata;

import java.security.GeneralSecurityException;
import java.util.List;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ru.utility.ledger.core.api.PersonalData;

/**
 * The last step before an event with personal data is deserialized: each sealed field is opened with the
 * account's data key, each legacy clear field (from {@link LegacyPersonalDataUpcaster}) is passed on, and either
 * becomes {@link PersonalData#ERASED} (null for a category) once the account's personal data has been erased. Every reader (aggregate,
 * projections, history, feed) reads through it. It never fails a read: a value that does not open is shown as
 * erased and logged.
 */
public class PersonalDataOpeningUpcaster extends SingleEventUpcaster {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataOpeningUpcaster.class);

    private final PersonalDataKeys keys;
    private final PersonalDataCipher cipher;

    public PersonalDataOpeningUpcaster(PersonalDataKeys keys, PersonalDataCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return PersonalDataFields.SEALED_REVISION.equals(representation.getType().getRevision())
                && PersonalDataFields.BY_TYPE.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        List<String> fields = PersonalDataFields.BY_TYPE.get(representation.getType().getName());
        return representation.upcastPayload(representation.getType(), ObjectNode.class, payload -> {
            String accountId = payload.get("accountId").asString();
            PersonalDataKeys.KeyState key = null;
            for (String field : fields) {
                JsonNode value = payload.get(field);
                if (value == null || value.isNull() || value.isString()) {
                    continue;
                }
                if (key == null) {
                    key = keys.find(accountId);
                }
                String opened = open(accountId, field, value, key);
                payload.put(field, PersonalData.ERASED.equals(opened)
                        && PersonalDataFields.NULL_WHEN_ERASED.contains(field) ? null : opened);
            }
            return payload;
        });
    }

    private String open(String accountId, String field, JsonNode value, PersonalDataKeys.KeyState key) {
        if (key.erased()) {
            return PersonalData.ERASED;
        }
        if (value.has(LegacyPersonalDataUpcaster.LEGACY)) {
            return value.get(LegacyPersonalDataUpcaster.LEGACY).asString();
        }
        try {
            SealedText sealed = SealedText.fromJson(value);
            if (key.dataKey() == null || key.keyVersion() != sealed.keyVersion()) {
                log.error("No data key version {} for account {}: its {} is shown as erased", sealed.keyVersion(),
                        accountId, field);
                return PersonalData.ERASED;
            }
            return cipher.open(key.dataKey(), sealed, PersonalDataFields.associatedData(accountId, field));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            log.error("The {} of account {} does not open ({}); shown as erased", field, accountId, e.toString());
            return PersonalData.ERASED;
        }
    }
}
