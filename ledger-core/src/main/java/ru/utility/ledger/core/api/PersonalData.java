package ru.utility.ledger.core.api;

/**
 * Personal data in the ledger's events (the holder's name, the supporting document of a social category).
 * Their stored form is sealed with the account's data key (docs/operating/data-protection.md); once the key is erased a
 * reader gets {@link #ERASED} in their place.
 */
public final class PersonalData {

    /** What every reader shows in place of a value whose account's personal data has been erased. */
    public static final String ERASED = "[erased]";

    private PersonalData() {
    }
}
