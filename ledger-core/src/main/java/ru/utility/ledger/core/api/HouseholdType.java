package ru.utility.ledger.core.api;

/**
 * The kind of dwelling the region's electricity consumption norm is set for. The restriction threshold (Decree 354
 * p.118) is two months of the charge at the norm and tariff of the account's region and household type.
 */
public enum HouseholdType {
    APARTMENT_GAS_STOVE,
    APARTMENT_ELECTRIC_STOVE,
    HOUSE_GAS_STOVE,
    HOUSE_ELECTRIC_STOVE,
    HOUSE_ELECTRIC_HEATING
}
