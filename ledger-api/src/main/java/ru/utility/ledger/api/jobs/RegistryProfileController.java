package ru.utility.ledger.api.jobs;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bulk jobs", description = "Billing runs and bank payment registries, imported in the background")
public class RegistryProfileController {

    private final RegistryProfiles profiles;

    public RegistryProfileController(RegistryProfiles profiles) {
        this.profiles = profiles;
    }

    /**
     * @param defaultProfile the profile of an upload that names none
     * @param profiles       the default first, then by name
     */
    public record RegistryProfileList(String defaultProfile, List<RegistryProfile> profiles) {
    }

    @GetMapping("/registry-profiles")
    @Operation(operationId = "listRegistryProfiles",
            summary = "The bank registry layouts a payment registry upload may name (profile=...)")
    public RegistryProfileList list() {
        return new RegistryProfileList(RegistryProfiles.DEFAULT, profiles.all());
    }
}
