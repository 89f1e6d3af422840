package ru.utility.ledger.core.api.anchor;

import ru.utility.ledger.core.api.AnchorLogId;

/** Facts about the log of chain anchors. Events never validate (see AccountEvent). */
public sealed interface AnchorEvent permits ChainsAnchored {

    AnchorLogId logId();
}
