package io.aiactops.maintenance;

/** A post-market report was signed off and frozen, published in the signing transaction. */
public record PostMarketReportSignedOff(PostMarketReport report) {
}
