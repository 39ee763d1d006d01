package io.aiactops.logs;

/** The head of a system's chain and the anchor left by the retention purge. */
record ChainHead(String systemId, long lastSeq, String lastHash, long anchorSeq, String anchorHash) {
}
