package ru.utility.ledger.api.jobs;

/** A bank registry layout under the name an upload chooses it by ({@code profile=sber}). */
public record RegistryProfile(String name, RegistryLayout layout) {
}
