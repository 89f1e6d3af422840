package ru.utility.ledger.api.personaldata;

import java.util.List;
import java.util.Map;
import java.util.Set;

import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;

/**
 * Which fields of which events are personal data, sealed in the stored payload. Adding one means a new revision
 * of its event and an entry in {@link LegacyPersonalDataUpcaster} for the old revision.
 */
final class PersonalDataFields {

    /** Event type name → its personal fields. */
    static final Map<String, List<String>> BY_TYPE = Map.of(
            AccountOpened.class.getName(), List.of("holderName"),
            SocialCategoryGranted.class.getName(), List.of("category", "documentReference"),
            SocialCategoryRevoked.class.getName(), List.of("category"));

    /** Fields that read as null, not as "[erased]", once erased: an enum (SocialCategory) has no erased value. */
    static final Set<String> NULL_WHEN_ERASED = Set.of("category");

    /** The revision from which a type's stored payload holds sealed values. */
    static final String SEALED_REVISION = "2";

    /** The revision whose stored payload held these values in clear text. */
    static final String CLEAR_REVISION = "1";

    private PersonalDataFields() {
    }

    /** Binds a sealed value to its account and field. */
    static String associatedData(String accountId, String field) {
        return accountId + "/" + field;
    }
}
