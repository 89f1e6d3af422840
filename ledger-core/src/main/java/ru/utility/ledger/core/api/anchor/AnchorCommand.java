package ru.utility.ledger.core.api.anchor;

import ru.utility.ledger.core.api.AnchorLogId;

public sealed interface AnchorCommand permits AnchorChains {

    AnchorLogId logId();
}
