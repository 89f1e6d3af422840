package ru.utility.ledger.core.api.anchor;

/** The anchor a command recorded, or found already recorded ({@code duplicate}). */
public record AnchorReceipt(long number, String merkleRoot, boolean duplicate) {
}
