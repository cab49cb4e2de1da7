package io.fanzha.ledger.events;

import org.axonframework.serialization.Revision;

/**
 * Evidence (佐证材料) was attached to a publicity event. The bytes live in the evidence store under
 * {@code storageRef}; the hash proves they were not changed since.
 */
@Revision("1")
public record EvidenceSubmitted(
    String evidenceId,
    String publishEventId,
    String campaignId,
    String unitId,
    EvidenceKind kind,
    String fileName,
    String sha256,
    long size,
    String mediaType,
    String storageRef) {}
