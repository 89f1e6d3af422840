package ru.utility.ledger.api.category;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.category.CategoryRequests.GrantCategoryRequest;
import ru.utility.ledger.api.category.CategoryRequests.RevokeCategoryRequest;
import ru.utility.ledger.api.category.CategoryResponses.CategoriesResponse;
import ru.utility.ledger.api.category.CategoryResponses.CategoryResponse;
import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.account.CategoryReceipt;
import ru.utility.ledger.core.api.account.GrantSocialCategory;
import ru.utility.ledger.core.api.account.RevokeSocialCategory;

/** Social categories of an account's holder: grant, revoke, list. */
@RestController
@Tag(name = "Social categories", description = "Pensioner, large family, disabled: validity and supporting document")
public class CategoryController {

    private final LedgerCommands commands;
    private final AccountHistory history;
    private final Clock clock;

    public CategoryController(LedgerCommands commands, AccountHistory history, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.clock = clock;
    }

    @PostMapping("/api/v1/accounts/{accountId}/social-categories")
    @Operation(operationId = "grantSocialCategory",
            summary = "Grant a social category", description = "201; 200 on an identical repeat; 409 "
            + "CATEGORY_ALREADY_GRANTED while another grant of the category is live.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<CategoryResponse> grant(@PathVariable String accountId,
                                                  @RequestBody GrantCategoryRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        SocialCategory category = fields.required("category", request.category(),
                RequestFields.enumOf(SocialCategory.class));
        LocalDate validFrom = fields.optional("validFrom", request.validFrom(), RequestFields::date);
        LocalDate validTo = fields.optional("validTo", request.validTo(), RequestFields::date);
        String document = fields.text("documentReference", request.documentReference(),
                GrantSocialCategory.DOCUMENT_MAX, true);
        fields.check();
        LocalDate from = validFrom == null ? LedgerTime.today(clock) : validFrom;
        if (validTo != null && validTo.isBefore(from)) {
            throw new InvalidRequestException(List.of(new FieldError("validTo", "must not be before validFrom " + from)));
        }
        CategoryReceipt receipt = commands.send(new GrantSocialCategory(id, category, from, validTo, document));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/accounts/" + id.value() + "/social-categories"))
                .body(CategoryResponse.of(receipt));
    }

    @PostMapping("/api/v1/accounts/{accountId}/social-categories/{category}/revocation")
    @Operation(operationId = "revokeSocialCategory",
            summary = "Revoke a social category", description = "201; 200 on a repeat with the same reason; "
            + "404 CATEGORY_NOT_GRANTED.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<CategoryResponse> revoke(@PathVariable String accountId, @PathVariable String category,
                                                   @RequestBody RevokeCategoryRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        SocialCategory which = fields.required("category", category, RequestFields.enumOf(SocialCategory.class));
        LocalDate revokedOn = fields.optional("revokedOn", request.revokedOn(), RequestFields::date);
        String reason = fields.text("reason", request.reason(), RevokeSocialCategory.REASON_MAX, true);
        fields.check();
        CategoryReceipt receipt = commands.send(new RevokeSocialCategory(id, which,
                revokedOn == null ? LedgerTime.today(clock) : revokedOn, reason));
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(CategoryResponse.of(receipt));
    }

    @GetMapping("/api/v1/accounts/{accountId}/social-categories")
    @Operation(operationId = "listSocialCategories",
            summary = "Every grant of a social category on the account, and which apply today")
    public CategoriesResponse list(@PathVariable String accountId) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        fields.check();
        var book = history.categories(id).orElseThrow(() -> new UnknownAccountException(id));
        LocalDate today = LedgerTime.today(clock);
        List<SocialCategory> valid = java.util.Arrays.stream(SocialCategory.values())
                .filter(c -> book.isValidOn(c, today)).toList();
        return new CategoriesResponse(id, valid, book.grants().stream().map(g -> CategoryResponse.of(id, g)).toList());
    }
}
