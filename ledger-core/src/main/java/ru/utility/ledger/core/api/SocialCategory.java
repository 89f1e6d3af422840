package ru.utility.ledger.core.api;

/** Social categories that relief programmes may favour; each needs a supporting document. */
public enum SocialCategory { PENSIONER, LARGE_FAMILY, DISABLED }
