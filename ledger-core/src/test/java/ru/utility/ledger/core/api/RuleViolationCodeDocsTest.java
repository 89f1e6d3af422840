package ru.utility.ledger.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** docs/reference/api.md's table of rule violations says what the enum says: the same codes, each with its status. */
class RuleViolationCodeDocsTest {

    private static final Path API_DOC = Path.of("../docs/reference/api.md");
    private static final String HEADING = "### Rule violations";
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (\\d{3}) \\|.*\\|$");

    @Test
    void theDocumentedTableListsEveryCodeWithItsStatusAndNothingElse() throws IOException {
        Map<String, Integer> documented = documentedCodes(Files.readAllLines(API_DOC));
        Map<String, Integer> enumerated = Arrays.stream(RuleViolationCode.values())
                .collect(Collectors.toMap(Enum::name, RuleViolationCode::httpStatus));

        assertThat(documented).as("codes and statuses in docs/reference/api.md, " + HEADING)
                .containsExactlyInAnyOrderEntriesOf(enumerated);
    }

    @Test
    void eachCodeIsANotFoundAConflictOrARuleBroken() {
        for (RuleViolationCode code : RuleViolationCode.values()) {
            assertThat(code.httpStatus()).as(code.name()).isIn(404, 409, 422);
            assertThat(LedgerRuleViolation.of(code, null, "r").kind()).as(code.name()).isEqualTo(switch (
                    code.httpStatus()) {
                case 404 -> LedgerRuleViolation.Kind.NOT_FOUND;
                case 409 -> LedgerRuleViolation.Kind.CONFLICT;
                default -> LedgerRuleViolation.Kind.UNPROCESSABLE;
            });
        }
    }

    /** The parser finds rows only under the heading, and a duplicate row is an error, so a pass means something. */
    @Test
    void theTableIsReadFromItsSectionOnly() {
        List<String> doc = List.of("## Errors", "| `STRAY` | 400 | elsewhere |", HEADING, "", "| Code | Status | Meaning |",
                "|---|---|---|", "| `ACCOUNT_CLOSED` | 409 | closed |", "", "## Roles", "| `LATER` | 403 | x |");

        assertThat(documentedCodes(doc)).containsExactly(Map.entry("ACCOUNT_CLOSED", 409));
    }

    private static Map<String, Integer> documentedCodes(List<String> lines) {
        int start = lines.indexOf(HEADING);
        assertThat(start).as("the heading " + HEADING).isNotNegative();
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Integer before = codes.put(row.group(1), Integer.valueOf(row.group(2)));
                assertThat(before).as("a second row for " + row.group(1)).isNull();
            }
        }
        return codes;
    }
}
